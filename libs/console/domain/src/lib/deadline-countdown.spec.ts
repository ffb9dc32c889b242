import { countdownTo } from './deadline-countdown';

describe('deadline countdown', () => {
  it('counts whole days, hours and minutes left, rounded down', () => {
    expect(countdownTo(new Date('2026-12-05T14:59:59Z'), new Date('2026-12-01T10:00:00Z'))).toEqual({ passed: false, days: 4, hours: 4, minutes: 59 });
  });

  it('says a deadline has passed at and after it', () => {
    expect(countdownTo(new Date('2026-12-05T00:00:00Z'), new Date('2026-12-05T00:00:00Z')).passed).toBe(true);
  });
});
