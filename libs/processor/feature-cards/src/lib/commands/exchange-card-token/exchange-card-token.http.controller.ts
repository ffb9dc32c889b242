import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import type { CardResponse } from '@kessai/processor-contracts';
import { toCardResponse } from '../../http/card.response';
import { ExchangeCardTokenHandler } from './exchange-card-token.handler';
import { ExchangeCardTokenRequestDto } from './exchange-card-token.request.dto';

@Controller('v1/cards')
export class ExchangeCardTokenHttpController {
  constructor(private readonly handler: ExchangeCardTokenHandler) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  async exchange(@Body() body: ExchangeCardTokenRequestDto): Promise<CardResponse> {
    return toCardResponse(await this.handler.execute(body.token, body.merchantId));
  }
}
