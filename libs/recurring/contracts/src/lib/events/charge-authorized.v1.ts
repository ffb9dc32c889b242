import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';
import { ChargeV1Fields } from './charge-fields.v1';

export class ChargeAuthorizedV1Payload extends ChargeV1Fields {
  /** The processor's authorization; absent under floor-limit operation. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  authorizationId?: string;

  /** True when the shop's floor-limit operation accepted the charge without authorization. */
  @IsBoolean()
  floorLimit: boolean;

  /** The dunning retry that got this answer (1 for the first); absent for the cycle's first authorization. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  attempt?: number;
}

export const ChargeAuthorizedV1 = defineEvent({
  type: 'recurring.charge.authorized',
  version: 1,
  payload: ChargeAuthorizedV1Payload,
  description: 'A recurring charge was authorized by the processor (or accepted under floor-limit operation); it will be captured with the next sales-confirmation file.',
});
