import { Money } from '@kessai/shared-money';
import { BillingException } from './billing.exception';

export const PAYMENT_METHODS = ['card', 'konbini', 'wallet'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type BillStatus = 'created';

export interface NewBill {
  merchantId: string;
  merchantBillNumber: string;
  amount: Money;
  /** `YYYY-MM-DD`, Japan time. */
  dueDate: string;
  allowedPaymentMethods: PaymentMethod[];
}

export interface BillState extends NewBill {
  id: string;
  status: BillStatus;
}

/** A bill a merchant asks its customer to pay. */
export class Bill {
  private constructor(
    readonly id: string,
    readonly merchantId: string,
    readonly merchantBillNumber: string,
    readonly amount: Money,
    readonly dueDate: string,
    readonly allowedPaymentMethods: PaymentMethod[],
    readonly status: BillStatus,
  ) {}

  /** Checks the business rules of a new bill; `today` is the merchant's calendar day (Japan time). */
  static create(id: string, input: NewBill, today: string): Bill {
    if (input.amount.minorUnits <= 0) {
      throw new BillingException('BILLING_AMOUNT_INVALID', 'The amount must be above zero', 'amount');
    }
    if (!isCalendarDate(input.dueDate)) {
      throw new BillingException('BILLING_DUE_DATE_INVALID', `"${input.dueDate}" is not a calendar date (YYYY-MM-DD)`, 'dueDate');
    }
    if (input.dueDate < today) {
      throw new BillingException('BILLING_DUE_DATE_INVALID', `The due date ${input.dueDate} is already past (today is ${today})`, 'dueDate');
    }
    const methods = [...new Set(input.allowedPaymentMethods)];
    if (methods.length === 0) {
      throw new BillingException('BILLING_PAYMENT_METHODS_INVALID', 'Allow at least one payment method', 'allowedPaymentMethods');
    }
    return new Bill(id, input.merchantId, input.merchantBillNumber, input.amount, input.dueDate, methods, 'created');
  }

  static restore(state: BillState): Bill {
    return new Bill(
      state.id,
      state.merchantId,
      state.merchantBillNumber,
      state.amount,
      state.dueDate,
      state.allowedPaymentMethods,
      state.status,
    );
  }
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The calendar day in Japan (UTC+9, no daylight saving) at a moment. */
export function japanDate(moment: Date): string {
  return new Date(moment.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
