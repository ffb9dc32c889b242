import { Injectable } from '@nestjs/common';
import { WalletPaymentEntity, WalletPaymentRepository } from '@kessai/processor-data-access';
import { ProcessorException } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { StartWalletPaymentCommand } from './start-wallet-payment.command';

@Injectable()
export class StartWalletPaymentHandler {
  constructor(
    private readonly payments: WalletPaymentRepository,
    private readonly clock: Clock,
  ) {}

  /** Starts a payment pending the customer's decision; the same idempotency key answers the same payment. */
  async execute(command: StartWalletPaymentCommand): Promise<WalletPaymentEntity> {
    const existing = await this.payments.findByIdempotencyKey(command.merchantId, command.idempotencyKey);
    if (existing) {
      if (existing.amount !== command.amount || existing.currency !== command.currency) {
        throw new ProcessorException('PROCESSOR_IDEMPOTENCY_KEY_CONFLICT', 'This idempotency key was used for another payment: use a new key', 'idempotencyKey');
      }
      return existing;
    }
    const payment = Object.assign(new WalletPaymentEntity(), {
      id: newId(),
      merchantId: command.merchantId,
      amount: command.amount,
      currency: command.currency,
      returnUrl: command.returnUrl,
      idempotencyKey: command.idempotencyKey,
      status: 'pending' as const,
      decidedAt: null,
      createdAt: this.clock.now(),
    });
    await this.payments.insert(payment);
    return payment;
  }
}
