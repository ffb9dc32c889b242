import { Money } from '@kessai/shared-money';
import { assertTransition, BillStatus, isOpen } from './bill-lifecycle';
import { BillingException } from './billing.exception';
import { endOfJapanDay } from './japan-time';
import { normalizeJapaneseMobileNumber } from './japanese-mobile-number';

export const PAYMENT_METHODS = ['card', 'konbini', 'wallet'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface BillLineItem {
  description: string;
  quantity: number;
  /** Minor units of the bill's currency. */
  unitAmount: number;
}

export interface NewBill {
  merchantId: string;
  merchantBillNumber: string;
  amount: Money;
  /** `YYYY-MM-DD`, Japan time. */
  dueDate: string;
  allowedPaymentMethods: PaymentMethod[];
  customerName?: string;
  /** As the merchant typed it; stored in E.164. */
  customerPhone?: string;
  /** Tax included in `amount`, minor units. */
  taxAmount?: number;
  lineItems?: BillLineItem[];
  message?: string;
  /** Send the SMS no earlier than this (still inside the sending window). */
  sendAt?: Date;
  /** The payment link's token (≥128 random bits, base64url). */
  paymentLinkToken: string;
}

export type AutoChargeStatus = 'requested' | 'authorized' | 'declined';

export interface BillAutoCharge {
  mandateId: string;
  status: AutoChargeStatus;
  /** The processor's decline code when declined. */
  declineCode?: string;
}

export interface BillPayment {
  paymentId: string;
  paymentMethod: PaymentMethod;
  paidAt: Date;
}

export interface BillState extends Omit<NewBill, 'lineItems'> {
  id: string;
  autoCharge?: BillAutoCharge;
  status: BillStatus;
  lineItems: BillLineItem[];
  createdAt: Date;
  sentAt?: Date;
  openedAt?: Date;
  payment?: BillPayment;
  /** When it was canceled, expired or failed. */
  closedAt?: Date;
  closedReason?: string;
  failedPaymentAttempts: number;
}

/** A bill a merchant asks its customer to pay; each transition returns the bill in its new state. */
export class Bill {
  private constructor(private readonly state: Readonly<BillState>) {}

  /** Checks the business rules of a new bill; `today` is the merchant's calendar day (Japan time). */
  static create(id: string, input: NewBill, today: string, now: Date = new Date()): Bill {
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
    if (input.taxAmount !== undefined && (!Number.isSafeInteger(input.taxAmount) || input.taxAmount < 0 || input.taxAmount > input.amount.minorUnits)) {
      throw new BillingException('BILLING_TAX_AMOUNT_INVALID', 'The tax must be a whole amount between 0 and the amount (tax is included)', 'taxAmount');
    }
    const lineItems = input.lineItems ?? [];
    if (lineItems.length > 0) {
      const total = lineItems.reduce((sum, item) => sum + item.quantity * item.unitAmount, 0);
      if (total !== input.amount.minorUnits) {
        throw new BillingException('BILLING_LINE_ITEMS_INVALID', `The line items add up to ${total}, not the amount ${input.amount.minorUnits}`, 'lineItems');
      }
    }
    if (input.sendAt && input.sendAt.getTime() >= endOfJapanDay(input.dueDate).getTime()) {
      throw new BillingException('BILLING_SEND_AT_INVALID', 'The send time must be before the end of the due date', 'sendAt');
    }
    if (!/^[A-Za-z0-9_-]{22,64}$/.test(input.paymentLinkToken)) {
      throw new BillingException('BILLING_PAYMENT_LINK_INVALID', 'A payment link token needs at least 128 random bits, base64url', 'paymentLinkToken');
    }
    const customerPhone = input.customerPhone === undefined ? undefined : normalizeJapaneseMobileNumber(input.customerPhone);
    return new Bill({
      ...input,
      id,
      customerPhone,
      allowedPaymentMethods: methods,
      lineItems,
      status: 'created',
      createdAt: now,
      failedPaymentAttempts: 0,
    });
  }

  static restore(state: BillState): Bill {
    return new Bill(state);
  }

  get id(): string { return this.state.id; }
  get merchantId(): string { return this.state.merchantId; }
  get merchantBillNumber(): string { return this.state.merchantBillNumber; }
  get amount(): Money { return this.state.amount; }
  get dueDate(): string { return this.state.dueDate; }
  get allowedPaymentMethods(): PaymentMethod[] { return this.state.allowedPaymentMethods; }
  get status(): BillStatus { return this.state.status; }
  get customerName(): string | undefined { return this.state.customerName; }
  get customerPhone(): string | undefined { return this.state.customerPhone; }
  get taxAmount(): number | undefined { return this.state.taxAmount; }
  get lineItems(): BillLineItem[] { return this.state.lineItems; }
  get message(): string | undefined { return this.state.message; }
  get sendAt(): Date | undefined { return this.state.sendAt; }
  get paymentLinkToken(): string { return this.state.paymentLinkToken; }
  get createdAt(): Date { return this.state.createdAt; }
  get sentAt(): Date | undefined { return this.state.sentAt; }
  get openedAt(): Date | undefined { return this.state.openedAt; }
  get payment(): BillPayment | undefined { return this.state.payment; }
  get closedAt(): Date | undefined { return this.state.closedAt; }
  get closedReason(): string | undefined { return this.state.closedReason; }
  get failedPaymentAttempts(): number { return this.state.failedPaymentAttempts; }
  get autoCharge(): BillAutoCharge | undefined { return this.state.autoCharge; }

  /** Charged to the customer's mandate, waiting for the recurring engine's answer. */
  get awaitsAutoCharge(): boolean {
    return this.state.autoCharge?.status === 'requested';
  }

  /** The payment link stops working when the due date ends in Japan. */
  get paymentLinkExpiresAt(): Date {
    return endOfJapanDay(this.state.dueDate);
  }

  get isOpen(): boolean {
    return isOpen(this.state.status);
  }

  snapshot(): BillState {
    return { ...this.state };
  }

  /** Its SMS is queued (first send, resend or reminder). */
  schedule(): Bill {
    if (!this.state.customerPhone) {
      throw new BillingException('BILLING_PHONE_INVALID', 'The bill has no customer mobile number to send an SMS to', 'customerPhone');
    }
    // An opened bill stays opened: a reminder does not undo what the customer did.
    if (this.state.status === 'opened') return this;
    return this.to('scheduled', {});
  }

  /** The SMS with its payment link went out; an opened bill stays opened. */
  markSent(at: Date): Bill {
    if (this.state.status === 'opened') return new Bill({ ...this.state, sentAt: at });
    return this.to('sent', { sentAt: at });
  }

  /** The customer opened the link; only the first time counts (null: nothing changes). */
  markOpened(at: Date): Bill | null {
    if (this.state.openedAt || !this.isOpen) return null;
    return this.to('opened', { openedAt: at });
  }

  /** Paid by `payment`; the same payment again changes nothing (null). */
  markPaid(payment: BillPayment): Bill | null {
    if (this.state.status === 'paid') {
      if (this.state.payment?.paymentId === payment.paymentId) return null;
      throw new BillingException('BILLING_BILL_ALREADY_PAID_CONFLICT', `Bill ${this.state.id} was already paid by payment ${this.state.payment?.paymentId}`, 'billId');
    }
    return this.to('paid', { payment });
  }

  /**
   * The customer has a mandate (automatic card payment): a new bill is charged to it instead of sending its
   * payment link. Only a bill that has not been scheduled, sent or paid yet.
   */
  requestAutoCharge(mandateId: string): Bill {
    if (this.state.status !== 'created' || this.state.autoCharge) {
      throw new BillingException('BILLING_BILL_TRANSITION_NOT_ALLOWED', `A ${this.state.status} bill cannot be charged automatically`, 'status');
    }
    return new Bill({ ...this.state, autoCharge: { mandateId, status: 'requested' } });
  }

  /**
   * The automatic charge to the customer's mandate was authorized: the bill is paid by it. A redelivered answer
   * with the same authorization changes nothing (null).
   */
  markAutoChargeAuthorized(payment: BillPayment): Bill | null {
    if (!this.state.autoCharge) {
      throw new BillingException('BILLING_AUTO_CHARGE_NOT_REQUESTED', `Bill ${this.state.id} was not charged automatically`, 'billId');
    }
    const paid = this.markPaid(payment);
    return paid && new Bill({ ...paid.state, autoCharge: { ...this.state.autoCharge, status: 'authorized' } });
  }

  /**
   * The automatic charge was declined: the bill falls back to its payment link (the caller queues its SMS, as
   * for any bill). Null when the decline was recorded before, or the bill was settled meanwhile.
   */
  markAutoChargeDeclined(declineCode: string): Bill | null {
    if (!this.state.autoCharge) {
      throw new BillingException('BILLING_AUTO_CHARGE_NOT_REQUESTED', `Bill ${this.state.id} was not charged automatically`, 'billId');
    }
    if (this.state.autoCharge.status !== 'requested' || !this.isOpen) return null;
    return new Bill({
      ...this.state,
      autoCharge: { ...this.state.autoCharge, status: 'declined', declineCode },
      failedPaymentAttempts: this.state.failedPaymentAttempts + 1,
    });
  }

  /** A payment attempt failed; the bill stays open for another try. */
  recordFailedPayment(): Bill {
    return new Bill({ ...this.state, failedPaymentAttempts: this.state.failedPaymentAttempts + 1 });
  }

  /** Unpaid at the end of its due date (Japan time). */
  expire(now: Date): Bill {
    if (now.getTime() < this.paymentLinkExpiresAt.getTime()) {
      throw new BillingException('BILLING_BILL_TRANSITION_NOT_ALLOWED', `Bill ${this.state.id} is due ${this.state.dueDate} and has not expired yet`, 'dueDate');
    }
    return this.to('expired', { closedAt: now });
  }

  cancel(now: Date, reason?: string): Bill {
    return this.to('canceled', { closedAt: now, closedReason: reason });
  }

  /** Its SMS could not be delivered (e.g. the number does not exist). */
  fail(now: Date, reason: string): Bill {
    return this.to('failed', { closedAt: now, closedReason: reason });
  }

  private to(status: BillStatus, change: Partial<BillState>): Bill {
    assertTransition(this.state.status, status);
    return new Bill({ ...this.state, ...change, status });
  }
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
