import {
  BillAutoChargeRequestedV1Payload,
  BillCanceledV1Payload,
  BillCreatedV1Payload,
  BillExpiredV1Payload,
  BillFailedV1Payload,
  BillOpenedV1Payload,
  BillPaidV1Payload,
  BillScheduledV1Payload,
  BillSentV1Payload,
} from '@kessai/billing-contracts';
import { Bill, BillPayment } from '@kessai/billing-domain';

/** Bill → event payloads: the payload is a contract class, never the entity. */
export class BillEventsMapper {
  static created(bill: Bill): BillCreatedV1Payload {
    return Object.assign(new BillCreatedV1Payload(), {
      billId: bill.id,
      merchantBillNumber: bill.merchantBillNumber,
      amount: bill.amount.minorUnits,
      currency: bill.amount.currencyCode,
      dueDate: bill.dueDate,
      allowedPaymentMethods: bill.allowedPaymentMethods,
      customerName: bill.customerName,
      customerPhone: bill.customerPhone,
      taxAmount: bill.taxAmount,
      lineItems: bill.lineItems.length > 0 ? bill.lineItems.map((item) => ({ ...item })) : undefined,
      message: bill.message,
      paymentLinkToken: bill.paymentLinkToken,
      paymentLinkExpiresAt: bill.paymentLinkExpiresAt.toISOString(),
    });
  }

  static scheduled(bill: Bill, kind: 'payment-link' | 'reminder', sendAfter: Date): BillScheduledV1Payload {
    return Object.assign(new BillScheduledV1Payload(), { billId: bill.id, kind, sendAfter: sendAfter.toISOString() });
  }

  static autoChargeRequested(bill: Bill): BillAutoChargeRequestedV1Payload {
    return Object.assign(new BillAutoChargeRequestedV1Payload(), {
      billId: bill.id,
      merchantBillNumber: bill.merchantBillNumber,
      mandateId: (bill.autoCharge as { mandateId: string }).mandateId,
      amount: bill.amount.minorUnits,
      currency: bill.amount.currencyCode,
    });
  }

  static failed(bill: Bill): BillFailedV1Payload {
    return Object.assign(new BillFailedV1Payload(), { billId: bill.id, reason: (bill.closedReason ?? 'failed').slice(0, 500), failedAt: (bill.closedAt as Date).toISOString() });
  }

  static sent(bill: Bill, kind: 'payment-link' | 'reminder', sentAt: Date): BillSentV1Payload {
    return Object.assign(new BillSentV1Payload(), { billId: bill.id, kind, sentAt: sentAt.toISOString() });
  }

  static opened(bill: Bill): BillOpenedV1Payload {
    return Object.assign(new BillOpenedV1Payload(), { billId: bill.id, openedAt: (bill.openedAt as Date).toISOString() });
  }

  static paid(bill: Bill): BillPaidV1Payload {
    const payment = bill.payment as BillPayment;
    return Object.assign(new BillPaidV1Payload(), {
      billId: bill.id,
      paymentId: payment.paymentId,
      paymentMethod: payment.paymentMethod,
      amount: bill.amount.minorUnits,
      currency: bill.amount.currencyCode,
      paidAt: payment.paidAt.toISOString(),
    });
  }

  static expired(bill: Bill): BillExpiredV1Payload {
    return Object.assign(new BillExpiredV1Payload(), { billId: bill.id, expiredAt: (bill.closedAt as Date).toISOString() });
  }

  static canceled(bill: Bill): BillCanceledV1Payload {
    return Object.assign(new BillCanceledV1Payload(), { billId: bill.id, reason: bill.closedReason, canceledAt: (bill.closedAt as Date).toISOString() });
  }
}
