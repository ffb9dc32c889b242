import { DynamicModule, Module } from '@nestjs/common';
import { DecideWalletPaymentHandler } from './commands/decide-wallet-payment/decide-wallet-payment.handler';
import { WalletApprovalPageHttpController } from './commands/decide-wallet-payment/wallet-approval-page.http.controller';
import { StartWalletPaymentHandler } from './commands/start-wallet-payment/start-wallet-payment.handler';
import { StartWalletPaymentHttpController } from './commands/start-wallet-payment/start-wallet-payment.http.controller';
import { WALLET_PUBLIC_URL } from './wallet.options';

@Module({})
export class WalletModule {
  static forRoot(options: { publicUrl: string }): DynamicModule {
    return {
      module: WalletModule,
      controllers: [StartWalletPaymentHttpController, WalletApprovalPageHttpController],
      providers: [{ provide: WALLET_PUBLIC_URL, useValue: options.publicUrl }, StartWalletPaymentHandler, DecideWalletPaymentHandler],
    };
  }
}
