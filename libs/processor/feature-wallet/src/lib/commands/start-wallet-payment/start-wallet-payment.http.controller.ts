import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { IsInt, IsUrl, Matches, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import type { WalletPaymentResponse } from '@kessai/processor-contracts';
import { WalletPaymentEntity } from '@kessai/processor-data-access';
import { ProcessorException } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { WALLET_PUBLIC_URL } from '../../wallet.options';

export class StartWalletPaymentRequestDto {
  @Matches(/^[\w-]{1,64}$/, { message: 'merchantId must be 1 to 64 letters, digits, _ or -' })
  merchantId: string;

  @IsInt()
  @Min(1)
  amount: number;

  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as JPY' })
  currency: string;

  /** Where the wallet sends the customer back after approving or cancelling. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  returnUrl: string;

  @Matches(/^[\x21-\x7e]{1,128}$/, { message: 'idempotencyKey must be 1 to 128 printable characters' })
  idempotencyKey: string;
}

export function toWalletPaymentResponse(payment: WalletPaymentEntity, publicUrl: string): WalletPaymentResponse {
  return {
    paymentId: payment.id,
    merchantId: payment.merchantId,
    amount: payment.amount,
    currency: payment.currency,
    status: payment.status,
    redirectUrl: `${publicUrl}/v1/wallet/payments/${payment.id}/approve`,
  };
}

@Controller('v1/wallet/payments')
export class StartWalletPaymentHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(WALLET_PUBLIC_URL) private readonly publicUrl: string,
  ) {}

  /** Starts a QR wallet payment: the platform redirects the customer to `redirectUrl`. */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async start(@Body() body: StartWalletPaymentRequestDto): Promise<WalletPaymentResponse> {
    const repository = this.dataSource.getRepository(WalletPaymentEntity);
    const existing = await repository.findOneBy({ merchantId: body.merchantId, idempotencyKey: body.idempotencyKey });
    if (existing) {
      if (existing.amount !== body.amount || existing.currency !== body.currency) {
        throw new ProcessorException('PROCESSOR_IDEMPOTENCY_KEY_CONFLICT', 'This idempotency key was used for another payment: use a new key', 'idempotencyKey');
      }
      return toWalletPaymentResponse(existing, this.publicUrl);
    }
    const payment = Object.assign(new WalletPaymentEntity(), {
      id: newId(),
      ...body,
      status: 'pending' as const,
      decidedAt: null,
      createdAt: this.clock.now(),
    });
    await repository.insert(payment);
    return toWalletPaymentResponse(payment, this.publicUrl);
  }
}
