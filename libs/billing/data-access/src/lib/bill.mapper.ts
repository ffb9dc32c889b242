import { Bill, PaymentMethod, BillStatus } from '@kessai/billing-domain';
import { Money } from '@kessai/shared-money';
import { BillEntity } from './bill.entity';

export class BillMapper {
  static toEntity(bill: Bill, createdAt: Date): BillEntity {
    return Object.assign(new BillEntity(), {
      id: bill.id,
      merchantId: bill.merchantId,
      merchantBillNumber: bill.merchantBillNumber,
      amount: bill.amount.minorUnits,
      currency: bill.amount.currencyCode,
      dueDate: bill.dueDate,
      allowedPaymentMethods: bill.allowedPaymentMethods,
      status: bill.status,
      createdAt,
    });
  }

  static toDomain(entity: BillEntity): Bill {
    return Bill.restore({
      id: entity.id,
      merchantId: entity.merchantId,
      merchantBillNumber: entity.merchantBillNumber,
      amount: Money.of(entity.amount, entity.currency),
      dueDate: entity.dueDate,
      allowedPaymentMethods: entity.allowedPaymentMethods as PaymentMethod[],
      status: entity.status as BillStatus,
    });
  }
}
