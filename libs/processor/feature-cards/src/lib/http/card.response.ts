import type { CardResponse } from '@kessai/processor-contracts';
import type { CardEntity } from '@kessai/processor-data-access';

export function toCardResponse(card: CardEntity): CardResponse {
  return {
    cardId: card.id,
    merchantId: card.merchantId,
    brand: card.brand,
    last4: card.last4,
    expMonth: card.expMonth,
    expYear: card.expYear,
    status: card.status,
  };
}
