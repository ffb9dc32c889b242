import { AutoChargeStatus, Bill, BillStatus, PaymentMethod } from '@kessai/billing-domain';
import { Money } from '@kessai/shared-money';
import { BillEntity } from './bill.entity';

export class BillMapper {
  static toEntity(bill: Bill): Omit<BillEntity, 'remindedAt'> {
    const s = bill.snapshot();
    return {
      id: s.id,
      merchantId: s.merchantId,
      merchantBillNumber: s.merchantBillNumber,
      amount: s.amount.minorUnits,
      currency: s.amount.currencyCode,
      dueDate: s.dueDate,
      allowedPaymentMethods: s.allowedPaymentMethods,
      status: s.status,
      createdAt: s.createdAt,
      customerName: s.customerName ?? null,
      customerPhone: s.customerPhone ?? null,
      taxAmount: s.taxAmount ?? null,
      lineItems: s.lineItems,
      message: s.message ?? null,
      sendAt: s.sendAt ?? null,
      paymentLinkToken: s.paymentLinkToken,
      sentAt: s.sentAt ?? null,
      openedAt: s.openedAt ?? null,
      paymentId: s.payment?.paymentId ?? null,
      paymentMethod: s.payment?.paymentMethod ?? null,
      paidAt: s.payment?.paidAt ?? null,
      closedAt: s.closedAt ?? null,
      closedReason: s.closedReason ?? null,
      failedPaymentAttempts: s.failedPaymentAttempts,
      autoChargeMandateId: s.autoCharge?.mandateId ?? null,
      autoChargeStatus: s.autoCharge?.status ?? null,
      autoChargeDeclineCode: s.autoCharge?.declineCode ?? null,
    };
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
      createdAt: entity.createdAt,
      customerName: entity.customerName ?? undefined,
      customerPhone: entity.customerPhone ?? undefined,
      taxAmount: entity.taxAmount ?? undefined,
      lineItems: entity.lineItems ?? [],
      message: entity.message ?? undefined,
      sendAt: entity.sendAt ?? undefined,
      paymentLinkToken: entity.paymentLinkToken ?? '',
      sentAt: entity.sentAt ?? undefined,
      openedAt: entity.openedAt ?? undefined,
      payment:
        entity.paymentId && entity.paidAt
          ? { paymentId: entity.paymentId, paymentMethod: entity.paymentMethod as PaymentMethod, paidAt: entity.paidAt }
          : undefined,
      closedAt: entity.closedAt ?? undefined,
      closedReason: entity.closedReason ?? undefined,
      failedPaymentAttempts: entity.failedPaymentAttempts,
      autoCharge: entity.autoChargeMandateId
        ? { mandateId: entity.autoChargeMandateId, status: entity.autoChargeStatus as AutoChargeStatus, declineCode: entity.autoChargeDeclineCode ?? undefined }
        : undefined,
    });
  }
}
