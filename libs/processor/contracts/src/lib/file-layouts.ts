/**
 * The CSV layouts of the files exchanged with the processor (UTF-8, comma separated, a header line first,
 * amounts in integer minor units). docs/processor-api.md describes every column.
 */

/** Capture (sales confirmation, 確定) file the platform uploads. Empty `authorization_id` = floor-limit sale. */
export const SALES_CONFIRMATION_COLUMNS = ['merchant_id', 'authorization_id', 'card_id', 'amount', 'currency', 'sale_date', 'reference'] as const;

/** Settlement result file: one line per data line of the capture file; `status` is settled, declined or error. */
export const SETTLEMENT_RESULT_COLUMNS = [
  'line',
  'reference',
  'authorization_id',
  'sale_id',
  'status',
  'reason_code',
  'reason',
  'amount',
  'currency',
  'error_field',
] as const;

/** Card refresh (洗替, account updater) file: every stored card reference. */
export const CARD_REFRESH_COLUMNS = ['card_id'] as const;

/** Card refresh answer: `result` is no_change, new_expiry, replaced, closed, contact_cardholder or error. */
export const CARD_REFRESH_RESULT_COLUMNS = ['line', 'card_id', 'result', 'new_card_id', 'new_exp_month', 'new_exp_year', 'error_field', 'message'] as const;
