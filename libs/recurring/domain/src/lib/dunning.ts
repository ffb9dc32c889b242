import { createHash } from 'node:crypto';
import { RecurringException } from './recurring.exception';

/**
 * Soft declines may succeed later (the member's account is topped up, the issuer is back): they are retried on
 * the dunning schedule. Every other code is hard (lost, stolen, expired, closed, fraud, authentication,
 * invalid transaction, unknown card): retrying would only be refused again, and networks penalise merchants
 * who retry those.
 */
const SOFT_DECLINE_CODES: ReadonlySet<string> = new Set([
  '51', // insufficient funds
  '05', // do not honor
  '91', // issuer unavailable
  '96', // system malfunction
  'PROCESSOR_SYSTEM_UNAVAILABLE',
  'PROCESSOR_AUTHORIZATION_TIMEOUT',
]);

export type DeclineKind = 'soft' | 'hard';

export function declineKindOf(declineCode: string): DeclineKind {
  return SOFT_DECLINE_CODES.has(declineCode) ? 'soft' : 'hard';
}

const DAY_MS = 86_400_000;

/** Days after a charge's first decline on which it is authorized again: `3,7,14` = three retries. */
export class DunningSchedule {
  private constructor(readonly retryDays: readonly number[]) {}

  static of(retryDays: readonly number[]): DunningSchedule {
    retryDays.forEach((day, i) => {
      if (!Number.isInteger(day) || day < 1 || day > 60) {
        throw new RecurringException('RECURRING_DUNNING_SCHEDULE_INVALID', `retry day "${day}" must be a whole number of days, 1 to 60`);
      }
      if (i > 0 && day <= retryDays[i - 1]) {
        throw new RecurringException('RECURRING_DUNNING_SCHEDULE_INVALID', `retry days must grow: ${retryDays[i - 1]} is followed by ${day}`);
      }
    });
    if (retryDays.length > 10) throw new RecurringException('RECURRING_DUNNING_SCHEDULE_INVALID', 'at most 10 retries');
    return new DunningSchedule([...retryDays]);
  }

  /** `3,7,14`; an empty text means no retries at all. */
  static parse(text: string): DunningSchedule {
    const parts = text.split(',').map((part) => part.trim()).filter(Boolean);
    if (parts.some((part) => !/^\d+$/.test(part))) {
      throw new RecurringException('RECURRING_DUNNING_SCHEDULE_INVALID', `"${text}" must be comma-separated whole days, e.g. 3,7,14`);
    }
    return DunningSchedule.of(parts.map(Number));
  }

  get retries(): number {
    return this.retryDays.length;
  }

  /** When retry number `attempt` (1-based) is due, or null when the schedule has no such retry. */
  retryAt(firstDeclinedAt: Date, attempt: number): Date | null {
    const days = this.retryDays[attempt - 1];
    return days === undefined ? null : new Date(firstDeclinedAt.getTime() + days * DAY_MS);
  }
}

/** Where a declined charge stands in its dunning. */
export interface DunningState {
  declineCode: string;
  firstDeclinedAt: Date;
  /** Retries sent so far (0: only the cycle's first authorization). */
  attemptsMade: number;
  /** Null until the dunning run first saw the decline. */
  nextRetryAt: Date | null;
  /** False when the definition the charge bills was stopped (e.g. the card account was closed). */
  definitionActive: boolean;
}

export type DunningStopReason = 'hard_decline' | 'retries_exhausted' | 'definition_stopped';

export type DunningStep =
  | { kind: 'schedule'; attempt: number; retryAt: Date }
  | { kind: 'retry'; attempt: number }
  | { kind: 'wait' }
  | { kind: 'stop'; reason: DunningStopReason };

/** What the dunning run does with a declined charge now. */
export function nextDunningStep(state: DunningState, schedule: DunningSchedule, now: Date): DunningStep {
  if (declineKindOf(state.declineCode) === 'hard') return { kind: 'stop', reason: 'hard_decline' };
  if (!state.definitionActive) return { kind: 'stop', reason: 'definition_stopped' };
  const attempt = state.attemptsMade + 1;
  const retryAt = schedule.retryAt(state.firstDeclinedAt, attempt);
  if (retryAt === null) return { kind: 'stop', reason: 'retries_exhausted' };
  if (state.nextRetryAt === null) return retryAt.getTime() <= now.getTime() ? { kind: 'retry', attempt } : { kind: 'schedule', attempt, retryAt };
  return state.nextRetryAt.getTime() <= now.getTime() ? { kind: 'retry', attempt } : { kind: 'wait' };
}

/**
 * The idempotency key of retry `attempt` of a charge: a new key per attempt (the processor answers a repeated
 * key with its recorded decline), the same key for a resent attempt (so a retry is never authorized twice).
 */
export function retryIdempotencyKey(chargeKey: string, attempt: number): string {
  const suffix = `#retry-${attempt}`;
  if (chargeKey.length + suffix.length <= 128) return `${chargeKey}${suffix}`;
  return `h:${createHash('sha256').update(chargeKey).digest('base64url')}${suffix}`;
}
