import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WalletPaymentEntity, WalletPaymentRepository, WebhookOutbox } from '@kessai/processor-data-access';
import { ProcessorException } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';
import { DecideWalletPaymentCommand } from './decide-wallet-payment.command';

export interface WalletPaymentDecided {
  payment: WalletPaymentEntity;
  /** The merchant's return URL with `paymentId` and `status`, where the customer goes back to. */
  returnTo: string;
}

@Injectable()
export class DecideWalletPaymentHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly payments: WalletPaymentRepository,
    private readonly webhooks: WebhookOutbox,
    private readonly clock: Clock,
  ) {}

  /** Records the customer's choice (approve or cancel) once, and queues wallet.approved or wallet.canceled. */
  async execute(command: DecideWalletPaymentCommand): Promise<WalletPaymentDecided> {
    const { paymentId, decision: status } = command;
    const now = this.clock.now();
    const payment = await this.dataSource.transaction(async (transaction) => {
      const found = await this.payments.findForUpdate(transaction, paymentId);
      if (!found) throw new ProcessorException('PROCESSOR_WALLET_PAYMENT_NOT_FOUND', `No wallet payment ${paymentId}`, 'paymentId');
      if (found.status !== 'pending') throw new ProcessorException('PROCESSOR_WALLET_PAYMENT_NOT_ALLOWED', `This payment is ${found.status} already`, 'paymentId');
      await this.payments.update(transaction, paymentId, { status, decidedAt: now });
      await this.webhooks.add(transaction, status === 'approved' ? 'wallet.approved' : 'wallet.canceled', found.merchantId, {
        paymentId,
        amount: found.amount,
        currency: found.currency,
        status,
      }, now);
      return { ...found, status, decidedAt: now };
    });
    const back = new URL(payment.returnUrl);
    back.searchParams.set('paymentId', paymentId);
    back.searchParams.set('status', status);
    return { payment, returnTo: back.toString() };
  }
}
