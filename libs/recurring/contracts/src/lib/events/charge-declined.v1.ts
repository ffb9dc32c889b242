import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';
import { ChargeV1Fields } from './charge-fields.v1';

export class ChargeDeclinedV1Payload extends ChargeV1Fields {
  /** The processor's response code (51 insufficient funds, 05 do not honor, ...) or its error code; `screening_declined` when credit screening stopped the charge before authorization (never sent to the processor). */
  @IsString()
  @Length(1, 64)
  declineCode: string;

  /** The dunning retry that got this answer (1 for the first); absent for the cycle's first authorization. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  attempt?: number;
}

export const ChargeDeclinedV1 = defineEvent({
  type: 'recurring.charge.declined',
  version: 1,
  payload: ChargeDeclinedV1Payload,
  description: 'A recurring charge was declined: by the processor, or by credit screening before authorization.',
});
