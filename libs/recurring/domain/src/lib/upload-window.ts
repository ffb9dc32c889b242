import { Cycle } from './cycle';
import { RecurringException } from './recurring.exception';

const JAPAN_OFFSET_MS = 9 * 3600_000;

/** `2026-03-05 24:00 JST` style: the deadline as merchants read it on a Japanese calendar. */
export function japanTimeText(moment: Date): string {
  const japan = new Date(moment.getTime() + JAPAN_OFFSET_MS).toISOString();
  return `${japan.slice(0, 10)} ${japan.slice(11, 16)} JST`;
}

/** The earliest cycle a shop can still upload charges for: this month's until its deadline, then next month's. */
export function openCycleForUpload(deadlineDay: number, now: Date): Cycle {
  const current = Cycle.containing(now);
  return now < current.uploadDeadline(deadlineDay) ? current : current.next();
}

/**
 * Refuses an upload for a cycle whose deadline has passed, naming the deadline and the cycle files go to now.
 * Later cycles are open: a shop may upload next month's file early.
 */
export function requireCycleOpenForUpload(cycle: Cycle, deadlineDay: number, now: Date): void {
  const deadline = cycle.uploadDeadline(deadlineDay);
  if (now < deadline) return;
  const next = openCycleForUpload(deadlineDay, now);
  const lastMoment = new Date(deadline.getTime() - 60_000);
  throw new RecurringException(
    'RECURRING_CYCLE_UPLOAD_CLOSED',
    `The upload deadline of cycle ${cycle} has passed: files were due by the end of ${japanTimeText(lastMoment).slice(0, 10)} ` +
      `(Japan time, ${deadline.toISOString()}). Upload for cycle ${next} (deadline ${next.uploadDeadline(deadlineDay).toISOString()}), ` +
      `or send the charges as an immediate file.`,
    'cycle',
  );
}
