import { IsString, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineEvent } from '@kessai/shared-contracts';
import { ScreeningRequest } from '../screening-request';

export class DecisionRequestedV1Payload {
  /** Chosen by the asker; the decision event carries it back. */
  @IsString()
  @Length(1, 128)
  requestId: string;

  @ValidateNested()
  @Type(() => ScreeningRequest)
  request: ScreeningRequest;
}

export const DecisionRequestedV1 = defineEvent({
  type: 'screening.decision.requested',
  version: 1,
  payload: DecisionRequestedV1Payload,
  description: 'A context asks credit screening to decide on a payment; the answer is screening.decision.made.',
});
