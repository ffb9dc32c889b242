import { CompiledRuleSet } from '../rule-language/compiled-rule-set';
import { BacktestTally } from './backtest-tally';

describe('BacktestTally', () => {
  it('counts what a candidate rule set would have decided differently, and the bad payments it would stop', () => {
    const candidate = CompiledRuleSet.compile([
      { id: 'decline-large', action: 'decline', when: 'amount > 50000' },
      { id: 'review-wallet', action: 'review', when: 'payment_method == "wallet"' },
    ]);
    const tally = new BacktestTally(candidate);
    tally.add('approve', { amount: 90000, payment_method: 'card' }, 'chargeback');
    tally.add('approve', { amount: 60000, payment_method: 'card' }, 'paid');
    tally.add('decline', { amount: 1000, payment_method: 'card' }, 'unpaid');
    tally.add('approve', { amount: 1000, payment_method: 'wallet' });
    tally.add('approve', { amount: 1000, payment_method: 'card' }, 'paid');

    expect(tally.result()).toEqual({
      decisions: 5,
      unchanged: 1,
      changes: { 'approve→decline': 2, 'decline→approve': 1, 'approve→review': 1 },
      recorded: { approve: 4, review: 0, decline: 1 },
      candidate: { approve: 2, review: 1, decline: 2 },
      bad: { total: 2, recordedDeclined: 1, recordedReviewed: 0, candidateDeclined: 1, candidateReviewed: 0 },
      goodDeclinedByCandidate: 1,
    });
  });
});
