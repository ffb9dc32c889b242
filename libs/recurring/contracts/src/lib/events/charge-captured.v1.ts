import { IsBoolean, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';
import { ChargeV1Fields } from './charge-fields.v1';

export class ChargeCapturedV1Payload extends ChargeV1Fields {
  /** The processor's sale: what a refund names. */
  @IsString()
  @Length(1, 64)
  saleId: string;

  /** The authorization that was captured; absent under floor-limit operation. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  authorizationId?: string;

  /** True when the sale was made under floor-limit operation (no authorization). */
  @IsBoolean()
  floorLimit: boolean;

  /** The sale date on the sales-confirmation file, `YYYY-MM-DD`. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  saleDate: string;

  /** The sales-confirmation file the charge was sent in (the engine's id of the file). */
  @IsUUID()
  captureFileId: string;
}

export const ChargeCapturedV1 = defineEvent({
  type: 'recurring.charge.captured',
  version: 1,
  payload: ChargeCapturedV1Payload,
  description: 'The processor settled a recurring charge of a sales-confirmation (capture) file: the member has paid.',
});
