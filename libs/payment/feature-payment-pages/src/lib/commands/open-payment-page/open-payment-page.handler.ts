import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { PaymentPageOpenedV1 } from '@kessai/payment-contracts';
import { PaymentPageEntity } from '@kessai/payment-data-access';
import { Clock } from '@kessai/shared-clock';
import { OutboxWriter } from '@kessai/shared-messaging';

/** The first opening of a payment link is recorded and published once (billing marks the bill opened). */
@Injectable()
export class OpenPaymentPageHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(page: PaymentPageEntity): Promise<void> {
    if (page.openedAt) return;
    const now = this.clock.now();
    await this.dataSource.transaction(async (transaction) => {
      const result = await transaction.update(PaymentPageEntity, { billId: page.billId, openedAt: IsNull() }, { openedAt: now });
      if (!result.affected) return;
      await this.outbox.add(transaction, PaymentPageOpenedV1, {
        merchantId: page.merchantId,
        payload: { billId: page.billId, openedAt: now.toISOString() },
      });
    });
    page.openedAt = now;
  }
}
