/** ISO 8583 style response codes the simulated network answers with. */
export const REASON_CODES = {
  approved: { code: '00', reason: 'approved' },
  insufficient_funds: { code: '51', reason: 'insufficient_funds' },
  expired_card: { code: '54', reason: 'expired_card' },
  lost_card: { code: '41', reason: 'lost_card' },
  stolen_card: { code: '43', reason: 'stolen_card' },
  do_not_honor: { code: '05', reason: 'do_not_honor' },
  challenge_required: { code: '1A', reason: 'authentication_required' },
  authentication_failed: { code: '1B', reason: 'authentication_failed' },
  processor_error: { code: '96', reason: 'system_malfunction' },
  timeout: { code: '91', reason: 'issuer_unavailable' },
  card_closed: { code: '14', reason: 'invalid_card_account_closed' },
  floor_limit_exceeded: { code: '61', reason: 'exceeds_floor_limit' },
  floor_limit_not_allowed: { code: '57', reason: 'transaction_not_permitted' },
  amount_exceeds_authorization: { code: '13', reason: 'invalid_amount' },
  authorization_not_capturable: { code: '12', reason: 'invalid_transaction' },
  currency_mismatch: { code: '13', reason: 'currency_mismatch' },
} as const;
export type ReasonKey = keyof typeof REASON_CODES;
