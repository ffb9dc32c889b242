import { Cycle } from './cycle';
import { openCycleForUpload, requireCycleOpenForUpload } from './upload-window';

describe('upload window', () => {
  it('keeps the current cycle open until the end of the deadline day in Japan, then opens the next', () => {
    expect(openCycleForUpload(5, new Date('2026-03-05T14:59:59Z')).toString()).toBe('2026-03');
    expect(openCycleForUpload(5, new Date('2026-03-05T15:00:00Z')).toString()).toBe('2026-04');
    expect(openCycleForUpload(10, new Date('2026-12-20T00:00:00Z')).toString()).toBe('2027-01');
  });

  it('accepts a file for a cycle before its deadline and for a later cycle', () => {
    expect(() => requireCycleOpenForUpload(Cycle.of('2026-03'), 10, new Date('2026-03-10T14:00:00Z'))).not.toThrow();
    expect(() => requireCycleOpenForUpload(Cycle.of('2026-05'), 5, new Date('2026-03-20T00:00:00Z'))).not.toThrow();
  });

  it('refuses a file after the deadline, naming the deadline and the next cycle', () => {
    expect(() => requireCycleOpenForUpload(Cycle.of('2026-03'), 5, new Date('2026-03-06T01:00:00Z'))).toThrow(
      expect.objectContaining({
        code: 'RECURRING_CYCLE_UPLOAD_CLOSED',
        message: expect.stringMatching(/deadline of cycle 2026-03 has passed: files were due by the end of 2026-03-05 .*2026-03-05T15:00:00.000Z.*cycle 2026-04 \(deadline 2026-04-05T15:00:00.000Z\)/),
      }),
    );
  });
});
