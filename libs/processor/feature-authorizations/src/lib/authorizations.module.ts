import { DynamicModule, Module } from '@nestjs/common';
import { AUTHORIZATION_OPTIONS, AuthorizationOptions } from './authorization.options';
import { AuthorizeCardHandler } from './commands/authorize-card/authorize-card.handler';
import { AuthorizeCardHttpController } from './commands/authorize-card/authorize-card.http.controller';
import { BulkAuthorizeCardsHttpController } from './commands/bulk-authorize-cards/bulk-authorize-cards.http.controller';
import { CancelAuthorizationHandler } from './commands/cancel-authorization/cancel-authorization.handler';
import { CancelAuthorizationHttpController } from './commands/cancel-authorization/cancel-authorization.http.controller';
import { ChallengePageHttpController } from './commands/complete-challenge/challenge-page.http.controller';
import { CompleteChallengeHandler } from './commands/complete-challenge/complete-challenge.handler';
import { RefundSaleHandler } from './commands/refund-sale/refund-sale.handler';
import { RefundSaleHttpController } from './commands/refund-sale/refund-sale.http.controller';
import { NetworkLatency } from './network-latency';
import { GetAuthorizationHttpController } from './queries/get-authorization/get-authorization.http.controller';

@Module({})
export class AuthorizationsModule {
  static forRoot(options: AuthorizationOptions): DynamicModule {
    return {
      module: AuthorizationsModule,
      controllers: [
        // bulk before the :authorizationId routes
        BulkAuthorizeCardsHttpController,
        AuthorizeCardHttpController,
        CancelAuthorizationHttpController,
        GetAuthorizationHttpController,
        ChallengePageHttpController,
        RefundSaleHttpController,
      ],
      providers: [
        { provide: AUTHORIZATION_OPTIONS, useValue: options },
        NetworkLatency,
        AuthorizeCardHandler,
        CancelAuthorizationHandler,
        CompleteChallengeHandler,
        RefundSaleHandler,
      ],
    };
  }
}
