import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import type { CardResponse } from '@kessai/processor-contracts';
import { CardRepository } from '@kessai/processor-data-access';
import { ProcessorException } from '@kessai/processor-domain';
import { toCardResponse } from '../../http/card.response';

@Controller('v1/cards')
export class GetCardHttpController {
  constructor(private readonly cards: CardRepository) {}

  @Get(':cardId')
  async get(@Param('cardId', new ParseUUIDPipe()) cardId: string): Promise<CardResponse> {
    const card = await this.cards.find(cardId);
    if (!card) throw new ProcessorException('PROCESSOR_CARD_NOT_FOUND', `No card ${cardId}`, 'cardId');
    return toCardResponse(card);
  }
}
