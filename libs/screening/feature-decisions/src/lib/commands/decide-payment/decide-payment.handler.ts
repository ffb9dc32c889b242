import { Injectable } from '@nestjs/common';
import { ScreeningDecision } from '@kessai/screening-contracts';
import { FeatureValues } from '@kessai/screening-domain';
import { VelocityStore } from '@kessai/screening-feature-velocity';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { ListCache } from '../../lists/list.cache';
import { RiskModelProvider } from '../../model/risk-model.provider';
import { DecisionRecorder } from '../../recording/decision.recorder';
import { RuleSetCache } from '../../rule-sets/rule-set.cache';
import { identitiesOf, listFeatures, requestFeatures } from '../../features/payment-features';
import { ScreeningException } from '../../screening.exception';
import { DecidePaymentCommand } from './decide-payment.command';

/**
 * Decides on a payment: its own features, list hits (in memory) and velocity (one Redis round trip), the model
 * score, then the active rule set; the shadow rule set, if any, is evaluated on the same features and recorded
 * without effect.
 */
@Injectable()
export class DecidePaymentHandler {
  constructor(
    private readonly lists: ListCache,
    private readonly velocity: VelocityStore,
    private readonly modelProvider: RiskModelProvider,
    private readonly ruleSets: RuleSetCache,
    private readonly recorder: DecisionRecorder,
    private readonly clock: Clock,
  ) {}

  /** The active and shadow rule sets; SCREENING_RULE_SET_UNAVAILABLE until a rule set is active. */
  ensureActive() {
    const { active, shadow } = this.ruleSets.current();
    if (!active) throw new ScreeningException('SCREENING_RULE_SET_UNAVAILABLE', 'No rule set is active: publish and activate one');
    return { active, shadow };
  }

  async execute({ merchantId, request }: DecidePaymentCommand): Promise<ScreeningDecision> {
    const { active, shadow } = this.ensureActive();
    const now = this.clock.now();
    const identities = identitiesOf(request);
    const hits = this.lists.hits(merchantId, identities);
    const velocity = await this.velocity.read(identities, now);
    const withoutScore: FeatureValues = { ...requestFeatures(merchantId, request, now), ...listFeatures(hits), ...velocity };
    const model = this.modelProvider.model;
    const score = model.score(withoutScore);
    const features = { ...withoutScore, score };

    const evaluation = active.rules.evaluate(features);
    const shadowEvaluation = shadow?.rules.evaluate(features);
    const decided = {
      decision: evaluation.decision,
      score,
      modelVersion: model.version,
      ruleSetVersion: active.version,
      decidedBy: evaluation.decidedBy,
    };
    const decisionId = newId();
    this.recorder.record({
      id: decisionId,
      merchantId,
      paymentRef: request.paymentRef,
      ...decided,
      fired: evaluation.fired,
      features,
      shadow: shadow && shadowEvaluation && { ruleSetVersion: shadow.version, decision: shadowEvaluation.decision, fired: shadowEvaluation.fired },
      decidedAt: now,
    });
    return { decisionId, paymentRef: request.paymentRef, ...decided, firedRules: evaluation.fired };
  }
}
