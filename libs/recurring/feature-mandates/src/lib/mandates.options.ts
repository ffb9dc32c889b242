export const MANDATES_OPTIONS = Symbol('MANDATES_OPTIONS');

export interface MandatesOptions {
  /** The processor's API (processor-sim in development and tests). */
  processorUrl: string;
  /** How long one authorization may take before it is retried (with the same idempotency key). */
  processorTimeoutMs: number;
  /** Credit screening, asked before a bill is charged to the mandate of a merchant with screening on. */
  screening: { url: string; timeoutMs: number; failureMode: 'open' | 'closed' };
}
