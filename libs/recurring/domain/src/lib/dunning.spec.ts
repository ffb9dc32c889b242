import { DunningSchedule, declineKindOf, nextDunningStep, retryIdempotencyKey } from './dunning';

const declinedAt = new Date('2026-02-27T01:00:00Z');
const days = (n: number) => new Date(declinedAt.getTime() + n * 86_400_000);
const schedule = DunningSchedule.parse('3,7,14');
const state = (overrides: Partial<Parameters<typeof nextDunningStep>[0]> = {}) => ({
  declineCode: '51',
  firstDeclinedAt: declinedAt,
  attemptsMade: 0,
  nextRetryAt: null,
  definitionActive: true,
  ...overrides,
});

describe('dunning', () => {
  it('treats insufficient funds, do not honor and processor errors as soft, lost, stolen, expired and closed cards as hard', () => {
    expect(['51', '05', '96', '91', 'PROCESSOR_SYSTEM_UNAVAILABLE'].map(declineKindOf)).toEqual(['soft', 'soft', 'soft', 'soft', 'soft']);
    expect(['41', '43', '54', '14', '1A', '1B', '12', 'PROCESSOR_CARD_NOT_FOUND'].map(declineKindOf)).toEqual(Array(8).fill('hard'));
  });

  it('reads a schedule of growing retry days and refuses anything else, naming the problem', () => {
    expect(schedule.retryDays).toEqual([3, 7, 14]);
    expect(DunningSchedule.parse('').retries).toBe(0);
    expect(() => DunningSchedule.parse('3,x')).toThrow(/comma-separated whole days/);
    expect(() => DunningSchedule.parse('7,3')).toThrow(/must grow: 7 is followed by 3/);
    expect(() => DunningSchedule.parse('0')).toThrow(/1 to 60/);
  });

  it('schedules the first retry of a soft decline for its day and sends it once the day has come', () => {
    expect(nextDunningStep(state(), schedule, days(1))).toEqual({ kind: 'schedule', attempt: 1, retryAt: days(3) });
    expect(nextDunningStep(state({ nextRetryAt: days(3) }), schedule, days(2))).toEqual({ kind: 'wait' });
    expect(nextDunningStep(state({ nextRetryAt: days(3) }), schedule, days(3))).toEqual({ kind: 'retry', attempt: 1 });
    // seen for the first time after its day: retried at once
    expect(nextDunningStep(state(), schedule, days(4))).toEqual({ kind: 'retry', attempt: 1 });
  });

  it('stops a hard decline at once, a charge whose definition was stopped, and a charge after its last retry', () => {
    expect(nextDunningStep(state({ declineCode: '43' }), schedule, days(3))).toEqual({ kind: 'stop', reason: 'hard_decline' });
    expect(nextDunningStep(state({ definitionActive: false }), schedule, days(3))).toEqual({ kind: 'stop', reason: 'definition_stopped' });
    expect(nextDunningStep(state({ attemptsMade: 3, nextRetryAt: days(14) }), schedule, days(20))).toEqual({ kind: 'stop', reason: 'retries_exhausted' });
    expect(nextDunningStep(state(), DunningSchedule.parse(''), days(1))).toEqual({ kind: 'stop', reason: 'retries_exhausted' });
  });

  it('derives a new idempotency key per attempt and the same key for the same attempt, within 128 characters', () => {
    expect(retryIdempotencyKey('def:d1:2026-02', 1)).toBe('def:d1:2026-02#retry-1');
    expect(retryIdempotencyKey('def:d1:2026-02', 2)).not.toBe(retryIdempotencyKey('def:d1:2026-02', 1));
    const long = `def:${'x'.repeat(115)}:2026-02`;
    expect(retryIdempotencyKey(long, 3)).toHaveLength(retryIdempotencyKey(long, 3).length);
    expect(retryIdempotencyKey(long, 3).length).toBeLessThanOrEqual(128);
    expect(retryIdempotencyKey(long, 3)).toBe(retryIdempotencyKey(long, 3));
  });
});
