import { jobSettingsOf } from '../jobs.options';
import { parseJobSettings } from './job-settings';

describe('per-job settings (RECURRING_JOBS)', () => {
  it("reads each job's concurrency, chunk size and fetch size; what a job leaves out comes from the defaults", () => {
    const perJob = parseJobSettings('{"authorize-charges":{"concurrency":8,"fetchSize":20000},"generate-charges":{"chunkSize":10000}}');
    const defaults = { concurrency: 2, chunkSize: 5000, fetchSize: 5000 };
    expect(jobSettingsOf({ defaults, perJob }, 'authorize-charges')).toEqual({ concurrency: 8, chunkSize: 5000, fetchSize: 20000 });
    expect(jobSettingsOf({ defaults, perJob }, 'generate-charges')).toEqual({ concurrency: 2, chunkSize: 10000, fetchSize: 5000 });
    expect(jobSettingsOf({ defaults, perJob }, 'capture-charges')).toEqual(defaults);
  });

  it.each([
    ['not JSON', 'concurrency=8', /JSON object/],
    ['a list', '[1]', /JSON object/],
    ['an unknown setting', '{"authorize-charges":{"threads":8}}', /authorize-charges\.threads: unknown setting/],
    ['a concurrency of zero', '{"authorize-charges":{"concurrency":0}}', /authorize-charges\.concurrency: must be a whole number from 1 to 64 \(got 0\)/],
    ['a fractional chunk size', '{"generate-charges":{"chunkSize":2.5}}', /generate-charges\.chunkSize: must be a whole number/],
    ['a chunk size given as text', '{"generate-charges":{"chunkSize":"5000"}}', /got "5000"/],
    ['a name that is not a job name', '{"Authorize Charges":{}}', /is not a job name/],
  ])('refuses %s, naming the job and the setting', (_what, text, message) => {
    expect(() => parseJobSettings(text)).toThrow(message);
  });
});
