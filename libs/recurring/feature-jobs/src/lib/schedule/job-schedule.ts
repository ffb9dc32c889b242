import { CronExpressionParser } from 'cron-parser';
import { Cycle } from '@kessai/recurring-domain';

export const SCHEDULE_TIME_ZONE = 'Asia/Tokyo';

/** One line of the built-in schedule: a job launched at each slot of a cron expression, Japan time. */
export interface JobScheduleEntry {
  /** Names the entry (one launch per entry and slot); `<job> <cron>` unless given. */
  name: string;
  job: string;
  /** Five fields (minute hour day-of-month month day-of-week) or six with seconds first, Japan time. */
  cron: string;
  /** The cycle launched: the month of the slot in Japan (`current`) or the month after it (`next`, card refresh). */
  cycle: 'current' | 'next';
  /** Only the shops whose upload deadline is this day of the month (authorize after each shop's deadline). */
  deadlineDay?: 5 | 10;
}

const FIELDS = new Set(['name', 'job', 'cron', 'cycle', 'deadlineDay']);

/**
 * Reads RECURRING_SCHEDULE: a JSON array of `{job, cron, cycle?, deadlineDay?, name?}`. Throws an Error that names
 * the entry (by position) and what is wrong with it.
 */
export function parseJobSchedule(text: string): JobScheduleEntry[] {
  if (text.trim() === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('must be a JSON array of {job, cron, cycle, deadlineDay}');
  }
  if (!Array.isArray(value)) throw new Error('must be a JSON array of {job, cron, cycle, deadlineDay}');
  const names = new Set<string>();
  return value.map((item: unknown, index) => {
    const where = `entry ${index + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new Error(`${where}: must be an object`);
    const raw = item as Record<string, unknown>;
    const unknown = Object.keys(raw).find((key) => !FIELDS.has(key));
    if (unknown) throw new Error(`${where}: unknown field "${unknown}" (fields: ${[...FIELDS].join(', ')})`);
    if (typeof raw.job !== 'string' || !/^[a-z][a-z0-9-]{0,63}$/.test(raw.job)) throw new Error(`${where}: job must be a job name such as "generate-charges"`);
    if (typeof raw.cron !== 'string') throw new Error(`${where} (${raw.job}): cron must be a cron expression such as "0 2 1 * *"`);
    try {
      CronExpressionParser.parse(raw.cron, { tz: SCHEDULE_TIME_ZONE, strict: false });
    } catch (error) {
      throw new Error(`${where} (${raw.job}): cron "${raw.cron}" is not valid: ${(error as Error).message}`);
    }
    if (raw.cron.trim().split(/\s+/).length < 5) throw new Error(`${where} (${raw.job}): cron "${raw.cron}" needs at least five fields`);
    const cycle = raw.cycle ?? 'current';
    if (cycle !== 'current' && cycle !== 'next') throw new Error(`${where} (${raw.job}): cycle must be "current" or "next"`);
    if (raw.deadlineDay !== undefined && raw.deadlineDay !== 5 && raw.deadlineDay !== 10) {
      throw new Error(`${where} (${raw.job}): deadlineDay must be 5 or 10`);
    }
    if (raw.name !== undefined && (typeof raw.name !== 'string' || raw.name.trim() === '' || raw.name.length > 200)) {
      throw new Error(`${where} (${raw.job}): name must be a non-empty text of at most 200 characters`);
    }
    const name = (raw.name as string | undefined) ?? `${raw.job} ${raw.cron}${raw.deadlineDay ? ` deadline ${raw.deadlineDay}` : ''}`;
    if (names.has(name)) throw new Error(`${where} (${raw.job}): another entry has the same name "${name}"; give one a name`);
    names.add(name);
    return { name, job: raw.job, cron: raw.cron, cycle, ...(raw.deadlineDay !== undefined && { deadlineDay: raw.deadlineDay as 5 | 10 }) };
  });
}

/**
 * The slot of an entry due at `now`: its latest moment at or before now, unless that is older than
 * `catchUpMs` (a slot missed while no instance ran is fired late, within the window, never an old one).
 */
export function dueSlot(entry: Pick<JobScheduleEntry, 'cron'>, now: Date, catchUpMs: number): Date | null {
  // a moment just after now, so a slot exactly at now counts as due
  const expression = CronExpressionParser.parse(entry.cron, { tz: SCHEDULE_TIME_ZONE, currentDate: new Date(now.getTime() + 1) });
  const slot = expression.prev().toDate();
  return now.getTime() - slot.getTime() <= catchUpMs ? slot : null;
}

/** The cycle an entry's slot launches, from the slot's month in Japan. */
export function cycleOfSlot(entry: Pick<JobScheduleEntry, 'cycle'>, slot: Date): string {
  const cycle = Cycle.containing(slot);
  return (entry.cycle === 'next' ? cycle.next() : cycle).toString();
}
