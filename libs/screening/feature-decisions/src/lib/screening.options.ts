export const SCREENING_OPTIONS = Symbol('SCREENING_OPTIONS');

export interface ScreeningOptions {
  /** The risk model file (JSON) written by tools/screening/train-risk-model.ts. */
  modelPath: string;
  /** How often an instance checks whether another one deployed a rule-set version. */
  rulesRefreshMs: number;
  recorder: { batchSize: number; flushMs: number; maxPending: number };
  /** Bearer token operators use for rule sets, lists and backtests. */
  operatorToken: string;
  /** The largest decision request body (a bulk of charges) the front listener reads. */
  maxRequestBodyBytes: number;
}
