/**
 * A merchant's limits: one policy for the merchant as a whole and one per payment method. Every instance reads
 * them at run time, so a change takes effect without a restart.
 */
export interface LimitPolicy {
  /** Sustained requests per second (0: no rate limit). */
  ratePerSecond: number;
  /** After a quiet spell, up to burstMultiple × ratePerSecond requests at once (at least 1). */
  burstMultiple: number;
  /** Requests in flight downstream at once (0: no concurrency limit). */
  concurrency: number;
  /** Share (0 to 0.9) of both limits kept for payment submissions, which are shed last. */
  reservedShare: number;
  /** Count what the policy would reject, but admit. */
  shadow: boolean;
}

export interface MerchantLimits {
  merchant: LimitPolicy;
  paymentMethods: Record<string, LimitPolicy>;
}

export const PAYMENT_METHODS = ['card', 'konbini', 'wallet', 'bank_transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** What a policy fails on, field by field; empty when it is valid. */
export function limitPolicyProblems(policy: LimitPolicy, field = ''): { field: string; message: string }[] {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const problems: { field: string; message: string }[] = [];
  if (!(policy.ratePerSecond >= 0 && policy.ratePerSecond <= 100_000)) problems.push({ field: at('ratePerSecond'), message: 'must be 0 to 100000' });
  if (!(policy.burstMultiple >= 1 && policy.burstMultiple <= 100)) problems.push({ field: at('burstMultiple'), message: 'must be 1 to 100' });
  if (!(Number.isInteger(policy.concurrency) && policy.concurrency >= 0 && policy.concurrency <= 100_000)) {
    problems.push({ field: at('concurrency'), message: 'must be an integer 0 to 100000' });
  }
  if (!(policy.reservedShare >= 0 && policy.reservedShare <= 0.9)) problems.push({ field: at('reservedShare'), message: 'must be 0 to 0.9' });
  return problems;
}
