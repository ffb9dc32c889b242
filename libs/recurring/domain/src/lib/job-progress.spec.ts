import { crossesProgressMark, jobProgress } from './job-progress';

describe('jobProgress', () => {
  it('gives the rate since the start and the time left at that rate', () => {
    const progress = jobProgress(20_000, 100_000, new Date('2026-02-01T00:00:00Z'), new Date('2026-02-01T00:00:10Z'));
    expect(progress).toEqual({ done: 20_000, total: 100_000, ratePerSecond: 2_000, etaSeconds: 40 });
  });

  it('has no estimate while nothing is done', () => {
    expect(jobProgress(0, 10, new Date(0), new Date(5000)).etaSeconds).toBeNull();
  });
});

describe('crossesProgressMark', () => {
  it('is true only when a batch passes a multiple of 10,000', () => {
    expect(crossesProgressMark(9_000, 10_500)).toBe(true);
    expect(crossesProgressMark(10_500, 19_999)).toBe(false);
    expect(crossesProgressMark(19_999, 45_000)).toBe(true);
  });
});
