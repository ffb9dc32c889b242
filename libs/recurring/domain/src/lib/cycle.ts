import { RecurringException } from './recurring.exception';

const JAPAN_OFFSET_MS = 9 * 3600_000;

/** A monthly billing cycle, `YYYY-MM`, in Japan time: the month whose members are charged. */
export class Cycle {
  private constructor(
    readonly year: number,
    readonly month: number,
  ) {}

  static of(value: string): Cycle {
    const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
    if (!match) throw new RecurringException('RECURRING_CYCLE_INVALID', `cycle "${value}" must be YYYY-MM`, 'cycle');
    return new Cycle(Number(match[1]), Number(match[2]));
  }

  /** The cycle a moment falls in, read on a Japanese calendar. */
  static containing(moment: Date): Cycle {
    const japan = new Date(moment.getTime() + JAPAN_OFFSET_MS);
    return new Cycle(japan.getUTCFullYear(), japan.getUTCMonth() + 1);
  }

  toString(): string {
    return `${this.year}-${String(this.month).padStart(2, '0')}`;
  }

  next(): Cycle {
    return this.month === 12 ? new Cycle(this.year + 1, 1) : new Cycle(this.year, this.month + 1);
  }

  compare(other: Cycle): number {
    return this.year * 12 + this.month - (other.year * 12 + other.month);
  }

  daysInMonth(): number {
    return new Date(Date.UTC(this.year, this.month, 0)).getUTCDate();
  }

  /** `YYYY-MM-DD` of a day of this cycle; a day past the month's end falls on its last day (31 → 28 in February). */
  dateOf(dayOfCycle: number): string {
    return `${this.toString()}-${String(Math.min(dayOfCycle, this.daysInMonth())).padStart(2, '0')}`;
  }

  /**
   * The last moment (exclusive) a shop can upload this cycle's charges: midnight Japan time at the end of its
   * deadline day (the 5th or the 10th of the cycle's month).
   */
  uploadDeadline(deadlineDay: number): Date {
    return new Date(Date.UTC(this.year, this.month - 1, deadlineDay + 1) - JAPAN_OFFSET_MS);
  }
}
