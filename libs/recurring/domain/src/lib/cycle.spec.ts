import { FixedClock } from '@kessai/shared-clock';
import { Cycle } from './cycle';

describe('Cycle', () => {
  it('reads the cycle of a moment on the Japanese calendar', () => {
    const clock = new FixedClock('2026-01-31T15:30:00Z'); // 2026-02-01 00:30 in Tokyo
    expect(Cycle.containing(clock.now()).toString()).toBe('2026-02');
    clock.set('2026-01-31T14:59:59Z');
    expect(Cycle.containing(clock.now()).toString()).toBe('2026-01');
  });

  it('puts the upload deadline at the end of the deadline day, Japan time', () => {
    expect(Cycle.of('2026-03').uploadDeadline(5).toISOString()).toBe('2026-03-05T15:00:00.000Z');
    expect(Cycle.of('2026-12').uploadDeadline(10).toISOString()).toBe('2026-12-10T15:00:00.000Z');
  });

  it('moves a charge day past the end of a short month onto its last day', () => {
    expect(Cycle.of('2026-02').dateOf(31)).toBe('2026-02-28');
    expect(Cycle.of('2028-02').dateOf(30)).toBe('2028-02-29');
    expect(Cycle.of('2026-04').dateOf(7)).toBe('2026-04-07');
  });

  it('rolls December over into January and orders cycles', () => {
    expect(Cycle.of('2026-12').next().toString()).toBe('2027-01');
    expect(Cycle.of('2026-12').compare(Cycle.of('2027-01'))).toBeLessThan(0);
  });

  it('refuses a cycle that is not YYYY-MM', () => {
    expect(() => Cycle.of('2026-13')).toThrow('cycle "2026-13" must be YYYY-MM');
  });
});
