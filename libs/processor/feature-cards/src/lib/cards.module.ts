import { Module } from '@nestjs/common';
import { TokenizationScriptHttpController } from './browser/tokenization-script.http.controller';
import { CreateCardTokenHandler } from './commands/create-card-token/create-card-token.handler';
import { CreateCardTokenHttpController } from './commands/create-card-token/create-card-token.http.controller';
import { ExchangeCardTokenHandler } from './commands/exchange-card-token/exchange-card-token.handler';
import { ExchangeCardTokenHttpController } from './commands/exchange-card-token/exchange-card-token.http.controller';
import { GetCardHttpController } from './queries/get-card/get-card.http.controller';

@Module({
  controllers: [TokenizationScriptHttpController, CreateCardTokenHttpController, ExchangeCardTokenHttpController, GetCardHttpController],
  providers: [CreateCardTokenHandler, ExchangeCardTokenHandler],
})
export class CardsModule {}
