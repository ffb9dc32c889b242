import { IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineEvent } from '@kessai/shared-contracts';
import { ScreeningDecision } from '../screening-decision';

export class DecisionMadeV1Payload {
  /** The requestId of the screening.decision.requested event answered; absent for HTTP decisions. */
  @IsOptional()
  @IsString()
  @Length(1, 128)
  requestId?: string;

  @ValidateNested()
  @Type(() => ScreeningDecision)
  decision: ScreeningDecision;
}

export const DecisionMadeV1 = defineEvent({
  type: 'screening.decision.made',
  version: 1,
  payload: DecisionMadeV1Payload,
  description: 'Credit screening decided on a payment requested by event: approve, review or decline, with reasons.',
});
