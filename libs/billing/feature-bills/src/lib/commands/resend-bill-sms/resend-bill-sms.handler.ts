import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BillRepository } from '@kessai/billing-data-access';
import { Bill, BillingException } from '@kessai/billing-domain';
import { Clock } from '@kessai/shared-clock';
import { BillSmsScheduler } from '../../sms/bill-sms.scheduler';

/** An open bill's payment link SMS is queued again (the customer lost it); the sending window still applies. */
@Injectable()
export class ResendBillSmsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bills: BillRepository,
    private readonly sms: BillSmsScheduler,
    private readonly clock: Clock,
  ) {}

  async execute(merchantId: string, billId: string): Promise<Bill> {
    return this.dataSource.transaction(async (transaction) => {
      const bill = await this.bills.lockOfMerchant(transaction, merchantId, billId);
      if (!bill) throw new BillingException('BILLING_BILL_NOT_FOUND', `No bill ${billId} for this merchant`, 'billId');
      if (!bill.isOpen) {
        throw new BillingException('BILLING_BILL_TRANSITION_NOT_ALLOWED', `A ${bill.status} bill has no payment link to resend`, 'status');
      }
      const scheduled = await this.sms.schedule(transaction, bill, 'payment-link', this.clock.now());
      await this.bills.update(transaction, scheduled);
      return scheduled;
    });
  }
}
