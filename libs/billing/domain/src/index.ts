export { Bill, japanDate, PAYMENT_METHODS, type PaymentMethod, type NewBill, type BillStatus, type BillState } from './lib/bill';
export { BillingException, type BillingErrorCode } from './lib/billing.exception';
