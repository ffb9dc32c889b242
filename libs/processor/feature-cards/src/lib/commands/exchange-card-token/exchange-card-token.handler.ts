import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { CardEntity, CardRepository, CardTokenEntity } from '@kessai/processor-data-access';
import { ProcessorException } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';

@Injectable()
export class ExchangeCardTokenHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: CardRepository,
    private readonly clock: Clock,
  ) {}

  /** Turns a one-time token into a stored card reference of the merchant. A token works once. */
  async execute(token: string, merchantId: string): Promise<CardEntity> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (transaction) => {
      const found = await transaction.findOneBy(CardTokenEntity, { token });
      if (!found) throw new ProcessorException('PROCESSOR_TOKEN_NOT_FOUND', 'No such card token', 'token');
      const claimed = await transaction.update(CardTokenEntity, { token, usedAt: IsNull() }, { usedAt: now });
      if (claimed.affected !== 1 || found.expiresAt.getTime() < now.getTime()) {
        throw new ProcessorException(
          'PROCESSOR_TOKEN_EXPIRED',
          'A card token works once and for 15 minutes: tokenize the card again',
          'token',
        );
      }
      const card = Object.assign(new CardEntity(), {
        id: newId(),
        merchantId,
        brand: found.brand,
        last4: found.last4,
        expMonth: found.expMonth,
        expYear: found.expYear,
        profile: found.profile,
        status: 'active' as const,
        replacedBy: null,
        createdAt: now,
      });
      await this.cards.insert(transaction, card);
      return card;
    });
  }
}
