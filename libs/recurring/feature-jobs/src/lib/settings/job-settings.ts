/** How one job runs on each engine instance. */
export interface JobSettings {
  /** Shops worked at once by one instance (each shop is one partition of the work topic). */
  concurrency: number;
  /** Records per chunk = records per commit (and per processor request); a restart resumes after the last chunk. */
  chunkSize: number;
  /** Records read from the database per query; chunks are cut from what was read. */
  fetchSize: number;
}

export const JOB_SETTING_LIMITS: Record<keyof JobSettings, { min: number; max: number }> = {
  concurrency: { min: 1, max: 64 },
  chunkSize: { min: 1, max: 100_000 },
  fetchSize: { min: 1, max: 200_000 },
};

/**
 * Reads RECURRING_JOBS: a JSON object of job name → settings, e.g.
 * `{"authorize-charges":{"concurrency":8,"chunkSize":5000,"fetchSize":20000}}`. Throws an Error naming the
 * job and the setting that is wrong.
 */
export function parseJobSettings(text: string): Record<string, Partial<JobSettings>> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('must be a JSON object of job name to {concurrency, chunkSize, fetchSize}');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('must be a JSON object of job name to {concurrency, chunkSize, fetchSize}');
  }
  const result: Record<string, Partial<JobSettings>> = {};
  for (const [job, settings] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[a-z][a-z0-9-]{0,63}$/.test(job)) throw new Error(`"${job}" is not a job name (lowercase words with dashes)`);
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) throw new Error(`${job}: must be an object`);
    const parsed: Partial<JobSettings> = {};
    for (const [name, setting] of Object.entries(settings as Record<string, unknown>)) {
      const limits = JOB_SETTING_LIMITS[name as keyof JobSettings];
      if (!limits) throw new Error(`${job}.${name}: unknown setting (settings: ${Object.keys(JOB_SETTING_LIMITS).join(', ')})`);
      if (typeof setting !== 'number' || !Number.isInteger(setting) || setting < limits.min || setting > limits.max) {
        throw new Error(`${job}.${name}: must be a whole number from ${limits.min} to ${limits.max} (got ${JSON.stringify(setting)})`);
      }
      parsed[name as keyof JobSettings] = setting;
    }
    result[job] = parsed;
  }
  return result;
}
