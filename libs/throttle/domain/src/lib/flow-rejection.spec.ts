import { rejectionReason, REJECTION_CODES } from './flow-rejection';
import { limitPolicyProblems } from './limit-policy';

describe('flow rejections', () => {
  it('names the scope and the limit, and shedding apart', () => {
    expect(rejectionReason('merchant', 'rate', false)).toBe('merchant-rate');
    expect(rejectionReason('payment-method', 'concurrency', false)).toBe('payment-method-concurrency');
    expect(rejectionReason('merchant', 'concurrency', true)).toBe('shed');
    expect(REJECTION_CODES.shed).toMatch(/_UNAVAILABLE$/);
    expect(REJECTION_CODES['merchant-rate']).toMatch(/_RATE_LIMITED$/);
  });


  it('names each wrong field of a limit policy', () => {
    const problems = limitPolicyProblems({ ratePerSecond: -1, burstMultiple: 0.5, concurrency: 1.5, reservedShare: 0.95, shadow: false }, 'merchant');
    expect(problems.map((p) => p.field)).toEqual(['merchant.ratePerSecond', 'merchant.burstMultiple', 'merchant.concurrency', 'merchant.reservedShare']);
    expect(limitPolicyProblems({ ratePerSecond: 10, burstMultiple: 5, concurrency: 20, reservedShare: 0.2, shadow: true })).toEqual([]);
  });
});
