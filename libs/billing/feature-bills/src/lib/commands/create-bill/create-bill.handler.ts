import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BillCreatedV1, BillCreatedV1Payload } from '@kessai/billing-contracts';
import { BillRepository } from '@kessai/billing-data-access';
import { Bill, BillingException, japanDate } from '@kessai/billing-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { OutboxWriter } from '@kessai/shared-messaging';
import { Currency, Money } from '@kessai/shared-money';
import { CreateBillCommand } from './create-bill.command';

@Injectable()
export class CreateBillHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bills: BillRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /** Stores the bill and its `billing.bill.created` event in one transaction. */
  async execute(command: CreateBillCommand): Promise<Bill> {
    if (!Currency.isValid(command.currency)) {
      throw new BillingException('BILLING_AMOUNT_INVALID', `"${command.currency}" is not an ISO 4217 currency`, 'currency');
    }
    const now = this.clock.now();
    const bill = Bill.create(
      newId(),
      {
        merchantId: command.merchantId,
        merchantBillNumber: command.merchantBillNumber,
        amount: Money.of(command.amount, command.currency),
        dueDate: command.dueDate,
        allowedPaymentMethods: command.allowedPaymentMethods,
      },
      japanDate(now),
    );
    await this.dataSource.transaction(async (transaction) => {
      await this.bills.insert(transaction, bill, now);
      await this.outbox.add(transaction, BillCreatedV1, {
        merchantId: bill.merchantId,
        payload: Object.assign(new BillCreatedV1Payload(), {
          billId: bill.id,
          merchantBillNumber: bill.merchantBillNumber,
          amount: bill.amount.minorUnits,
          currency: bill.amount.currencyCode,
          dueDate: bill.dueDate,
          allowedPaymentMethods: bill.allowedPaymentMethods,
        }),
      });
    });
    return bill;
  }
}
