import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BillCanceledV1 } from '@kessai/billing-contracts';
import { BillRepository } from '@kessai/billing-data-access';
import { Bill, BillingException } from '@kessai/billing-domain';
import { Clock } from '@kessai/shared-clock';
import { BillEventsMapper } from '../../http/bill-events.mapper';
import { BillEventPublisher } from '../../webhooks/bill-event.publisher';

/** open → canceled: the link stops working; canceling a canceled bill again changes nothing. */
@Injectable()
export class CancelBillHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bills: BillRepository,
    private readonly events: BillEventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(merchantId: string, billId: string, reason?: string): Promise<Bill> {
    return this.dataSource.transaction(async (transaction) => {
      const bill = await this.bills.lockOfMerchant(transaction, merchantId, billId);
      if (!bill) throw new BillingException('BILLING_BILL_NOT_FOUND', `No bill ${billId} for this merchant`, 'billId');
      if (bill.status === 'canceled') return bill;
      const canceled = bill.cancel(this.clock.now(), reason);
      await this.bills.update(transaction, canceled);
      await this.events.publish(transaction, BillCanceledV1, { merchantId, payload: BillEventsMapper.canceled(canceled) });
      return canceled;
    });
  }
}
