import type { CardProfile } from '../cards/test-cards';
import { FileLine, requireText } from './csv-file';

export type CardRefreshResult = 'no_change' | 'new_expiry' | 'replaced' | 'closed' | 'contact_cardholder';

import { UUID_PATTERN as UUID } from './csv-file';

export function parseCardRefreshLine(line: FileLine): { line: number; cardId: string } {
  if (line.problem) throw line.problem;
  return { line: line.line, cardId: requireText(line, 'card_id', UUID, 'a card id') };
}

/** What the issuer reports about a stored card, decided by its test card. */
export function refreshResultOf(card: { profile: CardProfile; status: 'active' | 'closed' }): CardRefreshResult {
  if (card.status === 'closed' || card.profile === 'refresh_closed') return 'closed';
  switch (card.profile) {
    case 'refresh_new_expiry':
      return 'new_expiry';
    case 'refresh_replaced':
      return 'replaced';
    case 'refresh_contact_cardholder':
      return 'contact_cardholder';
    default:
      return 'no_change';
  }
}

/** Reissued cards run three more years. */
export function renewedExpiry(expMonth: number, expYear: number): { expMonth: number; expYear: number } {
  return { expMonth, expYear: expYear + 3 };
}
