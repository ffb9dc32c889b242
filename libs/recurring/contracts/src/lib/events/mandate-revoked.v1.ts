import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

/** merchant: the merchant revoked it (the customer asked to stop); card_closed: the card refresh found the account closed. */
export const MANDATE_REVOKED_REASONS = ['merchant', 'card_closed'] as const;

export class MandateRevokedV1Payload {
  /** The mandate (the payment screen's consent id) that no longer charges. */
  @IsString()
  @Length(1, 128)
  mandateRequestId: string;

  /** The customer (mobile number, E.164) whose later bills get a payment link again. */
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/)
  customerPhone?: string;

  @IsIn(MANDATE_REVOKED_REASONS)
  reason: string;

  @IsISO8601({ strict: true })
  revokedAt: string;
}

export const MandateRevokedV1 = defineEvent({
  type: 'recurring.mandate.revoked',
  version: 1,
  payload: MandateRevokedV1Payload,
  description: 'A mandate ended (revoked by the merchant, or its card account closed): the customer\'s later bills are no longer charged automatically.',
});
