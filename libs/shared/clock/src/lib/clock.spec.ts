import { FixedClock } from './clock';

describe('FixedClock', () => {
  it('stands still until moved, and hands out copies', () => {
    const clock = new FixedClock('2026-03-10T00:00:00Z');
    const first = clock.now();
    first.setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-03-10T00:00:00.000Z');
    clock.advance(86_400_000);
    expect(clock.now().toISOString()).toBe('2026-03-11T00:00:00.000Z');
  });
});
