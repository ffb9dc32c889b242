import { FeatureValues } from '../features/feature-catalogue';
import { CompiledRuleSet, Decision } from '../rule-language/compiled-rule-set';

export type KnownOutcome = 'paid' | 'chargeback' | 'unpaid';

export interface BacktestReport {
  decisions: number;
  unchanged: number;
  /** `approve→decline`: how many decisions the candidate would have turned from one to the other. */
  changes: Record<string, number>;
  recorded: Record<Decision, number>;
  candidate: Record<Decision, number>;
  /** Payments that went bad (chargeback or unpaid) and how many each side stopped (declined) or held (review). */
  bad: { total: number; recordedDeclined: number; recordedReviewed: number; candidateDeclined: number; candidateReviewed: number };
  /** Payments known to be paid that the candidate would decline: the good customers it would lose. */
  goodDeclinedByCandidate: number;
}

/** Replays stored decisions through a candidate rule set and counts what it would have done differently. */
export class BacktestTally {
  private readonly report: BacktestReport = {
    decisions: 0,
    unchanged: 0,
    changes: {},
    recorded: { approve: 0, review: 0, decline: 0 },
    candidate: { approve: 0, review: 0, decline: 0 },
    bad: { total: 0, recordedDeclined: 0, recordedReviewed: 0, candidateDeclined: 0, candidateReviewed: 0 },
    goodDeclinedByCandidate: 0,
  };

  constructor(private readonly candidate: CompiledRuleSet) {}

  add(recorded: Decision, features: FeatureValues, outcome?: KnownOutcome): void {
    const candidate = this.candidate.evaluate(features).decision;
    const report = this.report;
    report.decisions++;
    report.recorded[recorded]++;
    report.candidate[candidate]++;
    if (candidate === recorded) report.unchanged++;
    else report.changes[`${recorded}→${candidate}`] = (report.changes[`${recorded}→${candidate}`] ?? 0) + 1;
    if (outcome === 'chargeback' || outcome === 'unpaid') {
      report.bad.total++;
      if (recorded === 'decline') report.bad.recordedDeclined++;
      if (recorded === 'review') report.bad.recordedReviewed++;
      if (candidate === 'decline') report.bad.candidateDeclined++;
      if (candidate === 'review') report.bad.candidateReviewed++;
    }
    if (outcome === 'paid' && candidate === 'decline') report.goodDeclinedByCandidate++;
  }

  result(): BacktestReport {
    return structuredClone(this.report);
  }
}
