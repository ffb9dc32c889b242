import { cycleOfSlot, dueSlot, parseJobSchedule } from './job-schedule';

const HOUR = 3600_000;

describe('the built-in job schedule', () => {
  const [generate, authorize, refresh] = parseJobSchedule(
    JSON.stringify([
      { job: 'generate-charges', cron: '0 2 1 * *' },
      { job: 'authorize-charges', cron: '30 0 6 * *', deadlineDay: 5 },
      { job: 'refresh-cards', cron: '0 1 25 * *', cycle: 'next', name: 'card refresh' },
    ]),
  );

  it('reads entries with their defaults and names', () => {
    expect(generate).toEqual({ name: 'generate-charges 0 2 1 * *', job: 'generate-charges', cron: '0 2 1 * *', cycle: 'current' });
    expect(authorize).toMatchObject({ name: 'authorize-charges 30 0 6 * * deadline 5', deadlineDay: 5 });
    expect(refresh).toMatchObject({ name: 'card refresh', cycle: 'next' });
  });

  it('reads the cron expression in Japan time: 02:00 on the 1st in Tokyo is 17:00 UTC the day before', () => {
    expect(dueSlot(generate, new Date('2026-02-28T17:00:00Z'), HOUR)).toEqual(new Date('2026-02-28T17:00:00Z'));
    expect(dueSlot(generate, new Date('2026-02-28T16:59:59Z'), HOUR)).toBeNull();
  });

  it('keeps the slot due for the catch-up window, then lets it go', () => {
    expect(dueSlot(generate, new Date('2026-02-28T17:59:00Z'), HOUR)).toEqual(new Date('2026-02-28T17:00:00Z'));
    expect(dueSlot(generate, new Date('2026-02-28T18:00:01Z'), HOUR)).toBeNull();
  });

  it('launches the month of the slot in Japan, or the next one for a job that prepares the cycle', () => {
    expect(cycleOfSlot(generate, new Date('2026-02-28T17:00:00Z'))).toBe('2026-03');
    expect(cycleOfSlot(refresh, new Date('2026-12-24T16:00:00Z'))).toBe('2027-01');
  });

  it.each([
    ['not JSON', '{', /JSON array/],
    ['an object', '{"job":"generate-charges"}', /JSON array/],
    ['a bad cron expression', '[{"job":"generate-charges","cron":"every day"}]', /entry 1 \(generate-charges\): cron "every day" is not valid/],
    ['a cron with too few fields', '[{"job":"generate-charges","cron":"0 2 1"}]', /entry 1 \(generate-charges\): cron "0 2 1"/],
    ['an unknown field', '[{"job":"generate-charges","cron":"0 2 1 * *","when":"soon"}]', /entry 1: unknown field "when"/],
    ['a deadline day other than 5 or 10', '[{"job":"authorize-charges","cron":"0 1 6 * *","deadlineDay":7}]', /deadlineDay must be 5 or 10/],
    ['a bad cycle', '[{"job":"refresh-cards","cron":"0 1 25 * *","cycle":"last"}]', /cycle must be "current" or "next"/],
    ['two entries with the same name', '[{"job":"generate-charges","cron":"0 2 1 * *"},{"job":"generate-charges","cron":"0 2 1 * *"}]', /entry 2 .*same name/],
  ])('refuses %s, saying which entry and what is wrong', (_what, text, message) => {
    expect(() => parseJobSchedule(text)).toThrow(message);
  });

  it('is empty when not set', () => {
    expect(parseJobSchedule('')).toEqual([]);
  });
});
