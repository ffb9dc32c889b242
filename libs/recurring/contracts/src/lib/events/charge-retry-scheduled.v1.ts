import { IsISO8601, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';
import { ChargeV1Fields } from './charge-fields.v1';

export class ChargeRetryScheduledV1Payload extends ChargeV1Fields {
  /** The soft decline being retried (51 insufficient funds, 05 do not honor, 96 processor error, ...). */
  @IsString()
  @Length(1, 64)
  declineCode: string;

  /** Which retry this is, 1 for the first (the cycle's first authorization is attempt 0). */
  @IsInt()
  @Min(1)
  @Max(10)
  attempt: number;

  /** When the retry will be authorized (RECURRING_DUNNING_RETRY_DAYS after the first decline). */
  @IsISO8601({ strict: true })
  retryAt: string;
}

export const ChargeRetryScheduledV1 = defineEvent({
  type: 'recurring.charge.retry-scheduled',
  version: 1,
  payload: ChargeRetryScheduledV1Payload,
  description: 'Dunning: a softly declined recurring charge will be authorized again at retryAt.',
});
