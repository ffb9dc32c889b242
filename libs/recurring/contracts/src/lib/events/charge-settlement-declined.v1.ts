import { IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';
import { ChargeV1Fields } from './charge-fields.v1';

export class ChargeSettlementDeclinedV1Payload extends ChargeV1Fields {
  /** The network's response code at settlement (05 do not honor, 14 account closed, 12 ...) or the processor's line error code. */
  @IsString()
  @Length(1, 64)
  declineCode: string;

  /** The processor's reason in words (do_not_honor, invalid_card_account_closed, or the line error's message). */
  @IsString()
  @Length(1, 500)
  reason: string;

  /** The authorization that could not be captured; absent under floor-limit operation. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  authorizationId?: string;

  @IsBoolean()
  floorLimit: boolean;

  /** The sales-confirmation file the charge was sent in (the engine's id of the file). */
  @IsUUID()
  captureFileId: string;
}

export const ChargeSettlementDeclinedV1 = defineEvent({
  type: 'recurring.charge.settlement-declined',
  version: 1,
  payload: ChargeSettlementDeclinedV1Payload,
  description: 'The processor declined a recurring charge at settlement (sales confirmation): the member was not charged. It is not retried.',
});
