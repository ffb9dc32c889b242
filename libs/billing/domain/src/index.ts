export { Bill, PAYMENT_METHODS, type PaymentMethod, type NewBill, type BillState, type BillLineItem, type BillPayment, type BillAutoCharge, type AutoChargeStatus } from './lib/bill';
export { BILL_STATUSES, OPEN_BILL_STATUSES, type BillStatus, canTransition, assertTransition, isOpen } from './lib/bill-lifecycle';
export { BillingException, type BillingErrorCode } from './lib/billing.exception';
export { normalizeJapaneseMobileNumber } from './lib/japanese-mobile-number';
export { japanDate, endOfJapanDay, addDays, japanHour, japanTimeOn } from './lib/japan-time';
export { nextMomentInWindow, type SendingWindow } from './lib/sending-window';
export { paymentLinkSms, receiptSms, smsSegments, type SmsSegments } from './lib/payment-link-sms';
export { BILL_CSV_COLUMNS, checkBillCsvHeader, parseBillCsvRow, type BillCsvColumn, type BillCsvProblem, type BillCsvRow } from './lib/bill-csv-row';
