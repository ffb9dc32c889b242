import { IsBoolean, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineEvent } from '@kessai/shared-contracts';
import { ScreeningDecision } from '../screening-decision';
import { ON_REVIEW_POLICIES, type OnReviewPolicy } from './merchant-screening-changed.v1';

export class DecisionMadeV1Payload {
  /** The requestId of the screening.decision.requested event answered; absent for HTTP decisions. */
  @IsOptional()
  @IsString()
  @Length(1, 128)
  requestId?: string;

  @ValidateNested()
  @Type(() => ScreeningDecision)
  decision: ScreeningDecision;

  /** Whether the merchant had screening on when the request was decided (no setting: off). */
  @IsOptional()
  @IsBoolean()
  screeningEnabled?: boolean;

  /** The merchant's review policy at the time (`decline` when the merchant never set one). */
  @IsOptional()
  @IsIn(ON_REVIEW_POLICIES)
  onReview?: OnReviewPolicy;

  /**
   * Whether the decision stops the payment before authorization under the merchant's setting, as the HTTP askers
   * apply it: false when screening is off (the decision is then recorded for backtests only), else a decline, or a
   * review under the `decline` policy.
   */
  @IsOptional()
  @IsBoolean()
  stopsPayment?: boolean;
}

export const DecisionMadeV1 = defineEvent({
  type: 'screening.decision.made',
  version: 1,
  payload: DecisionMadeV1Payload,
  description: 'Credit screening decided on a payment requested by event: approve, review or decline, with reasons.',
});
