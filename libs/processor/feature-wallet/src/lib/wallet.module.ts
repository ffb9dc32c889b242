import { DynamicModule, Module } from '@nestjs/common';
import { WalletApprovalPageHttpController } from './commands/decide-wallet-payment/wallet-approval-page.http.controller';
import { StartWalletPaymentHttpController } from './commands/start-wallet-payment/start-wallet-payment.http.controller';
import { WALLET_PUBLIC_URL } from './wallet.options';

@Module({})
export class WalletModule {
  static forRoot(options: { publicUrl: string }): DynamicModule {
    return {
      module: WalletModule,
      controllers: [StartWalletPaymentHttpController, WalletApprovalPageHttpController],
      providers: [{ provide: WALLET_PUBLIC_URL, useValue: options.publicUrl }],
    };
  }
}
