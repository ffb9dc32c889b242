/** The issuer's answer for one stored card reference in the monthly card refresh (洗替). */
export type CardRefreshResult = 'no_change' | 'new_expiry' | 'replaced' | 'closed' | 'contact_cardholder' | 'error';

export interface CardRefreshAnswer {
  cardRef: string;
  result: CardRefreshResult;
  newCardRef: string | null;
  newExpMonth: number | null;
  newExpYear: number | null;
  message: string | null;
}

const RESULTS: readonly CardRefreshResult[] = ['no_change', 'new_expiry', 'replaced', 'closed', 'contact_cardholder', 'error'];

/** Reads one answer line; an unknown result or a replacement without its new reference counts as an error. */
export function cardRefreshAnswerOf(row: Record<string, string>): CardRefreshAnswer {
  const result = (RESULTS as readonly string[]).includes(row['result']) ? (row['result'] as CardRefreshResult) : 'error';
  const number = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : null);
  const answer: CardRefreshAnswer = {
    cardRef: row['card_id'] ?? '',
    result,
    newCardRef: row['new_card_id'] || null,
    newExpMonth: number(row['new_exp_month']),
    newExpYear: number(row['new_exp_year']),
    message: row['message'] || null,
  };
  if (row['result'] !== result) return { ...answer, message: `unknown result "${row['result']}"` };
  if (result === 'replaced' && answer.newCardRef === null) return { ...answer, result: 'error', message: 'replaced without a new card reference' };
  return answer;
}

/**
 * What the engine does with an answer: a replaced card moves the definitions and mandates to the new
 * reference; a closed account stops the definitions billing it; every answer but "no change" is an event
 * the merchant sees (a new expiry, contact the cardholder).
 */
export function cardRefreshEffect(answer: CardRefreshAnswer): 'none' | 'announce' | 'replace' | 'stop' {
  switch (answer.result) {
    case 'replaced':
      return 'replace';
    case 'closed':
      return 'stop';
    case 'new_expiry':
    case 'contact_cardholder':
      return 'announce';
    default:
      return 'none';
  }
}
