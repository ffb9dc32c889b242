import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';
import { ChargeV1Fields } from './charge-fields.v1';

/** Why a declined charge is not retried any more. */
export const DUNNING_STOP_REASONS = ['hard_decline', 'retries_exhausted', 'definition_stopped'] as const;

export class ChargeDunningStoppedV1Payload extends ChargeV1Fields {
  /** The last decline code. */
  @IsString()
  @Length(1, 64)
  declineCode: string;

  /** Retries that were sent (0 when a hard decline stopped it at once). */
  @IsInt()
  @Min(0)
  @Max(10)
  attemptsMade: number;

  /** hard_decline (lost, stolen, expired, closed ...), retries_exhausted (the schedule is used up), definition_stopped. */
  @IsIn(DUNNING_STOP_REASONS)
  reason: string;
}

export const ChargeDunningStoppedV1 = defineEvent({
  type: 'recurring.charge.dunning-stopped',
  version: 1,
  payload: ChargeDunningStoppedV1Payload,
  description: 'Dunning: a declined recurring charge will not be retried; it stays unpaid for this cycle.',
});
