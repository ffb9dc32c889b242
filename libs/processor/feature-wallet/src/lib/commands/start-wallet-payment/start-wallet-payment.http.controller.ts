import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import type { WalletPaymentResponse } from '@kessai/processor-contracts';
import { toWalletPaymentResponse } from '../../wallet-payment.response';
import { WALLET_PUBLIC_URL } from '../../wallet.options';
import { StartWalletPaymentCommand } from './start-wallet-payment.command';
import { StartWalletPaymentHandler } from './start-wallet-payment.handler';
import { StartWalletPaymentRequestDto } from './start-wallet-payment.request.dto';

@Controller('v1/wallet/payments')
export class StartWalletPaymentHttpController {
  constructor(
    private readonly handler: StartWalletPaymentHandler,
    @Inject(WALLET_PUBLIC_URL) private readonly publicUrl: string,
  ) {}

  /** Starts a QR wallet payment: the platform redirects the customer to `redirectUrl`. */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async start(@Body() body: StartWalletPaymentRequestDto): Promise<WalletPaymentResponse> {
    const command = new StartWalletPaymentCommand(body.merchantId, body.amount, body.currency, body.returnUrl, body.idempotencyKey);
    return toWalletPaymentResponse(await this.handler.execute(command), this.publicUrl);
  }
}
