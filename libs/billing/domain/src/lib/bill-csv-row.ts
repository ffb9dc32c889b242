import { PAYMENT_METHODS, PaymentMethod } from './bill';

/** The columns of a bill CSV (header row, any order). The first five are required. */
export const BILL_CSV_COLUMNS = [
  'merchantBillNumber',
  'amount',
  'currency',
  'dueDate',
  'allowedPaymentMethods',
  'customerName',
  'customerPhone',
  'taxAmount',
  'message',
  'sendAt',
] as const;
export type BillCsvColumn = (typeof BILL_CSV_COLUMNS)[number];
const REQUIRED: readonly BillCsvColumn[] = BILL_CSV_COLUMNS.slice(0, 5);

export interface BillCsvProblem {
  column: string;
  reason: string;
}

export interface BillCsvRow {
  merchantBillNumber: string;
  amount: number;
  currency: string;
  dueDate: string;
  allowedPaymentMethods: PaymentMethod[];
  customerName?: string;
  customerPhone?: string;
  taxAmount?: number;
  message?: string;
  sendAt?: Date;
}

/** Problems with a header row: missing required columns, unknown or repeated ones. */
export function checkBillCsvHeader(header: string[]): BillCsvProblem[] {
  const problems: BillCsvProblem[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (!(BILL_CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push({ column: name, reason: `unknown column; the columns are ${BILL_CSV_COLUMNS.join(', ')}` });
    } else if (seen.has(name)) {
      problems.push({ column: name, reason: 'the column appears twice' });
    }
    seen.add(name);
  }
  for (const name of REQUIRED) if (!seen.has(name)) problems.push({ column: name, reason: 'required column missing from the header row' });
  return problems;
}

const INTEGER = /^\d{1,15}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BILL_NUMBER = /^[\x21-\x7e]{1,64}$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * The syntax of one CSV line (hand-written: a million lines must not each go through class-validator). The
 * business rules (due date not past, tax within the amount, the phone number) are the domain's, in Bill.create.
 */
export function parseBillCsvRow(record: Record<string, string | undefined>): { row: BillCsvRow } | { problems: BillCsvProblem[] } {
  const problems: BillCsvProblem[] = [];
  const field = (name: BillCsvColumn) => {
    const value = record[name]?.trim();
    return value === '' ? undefined : value;
  };
  const merchantBillNumber = field('merchantBillNumber');
  if (!merchantBillNumber || !BILL_NUMBER.test(merchantBillNumber)) {
    problems.push({ column: 'merchantBillNumber', reason: 'required: 1 to 64 printable ASCII characters without spaces' });
  }
  const amount = field('amount');
  if (!amount || !INTEGER.test(amount) || Number(amount) < 1) {
    problems.push({ column: 'amount', reason: 'required: a whole number of minor units above zero, e.g. 3300' });
  }
  const currency = field('currency');
  if (!currency || !CURRENCY.test(currency)) problems.push({ column: 'currency', reason: 'required: an ISO 4217 code such as JPY' });
  const dueDate = field('dueDate');
  if (!dueDate || !DATE.test(dueDate)) problems.push({ column: 'dueDate', reason: 'required: a date as YYYY-MM-DD' });
  const methods = (field('allowedPaymentMethods') ?? '').split(/[|\s]+/).filter(Boolean);
  if (methods.length === 0 || methods.some((m) => !(PAYMENT_METHODS as readonly string[]).includes(m))) {
    problems.push({ column: 'allowedPaymentMethods', reason: 'required: card, konbini and/or wallet separated by |' });
  }
  const taxAmount = field('taxAmount');
  if (taxAmount !== undefined && !INTEGER.test(taxAmount)) problems.push({ column: 'taxAmount', reason: 'a whole number of minor units' });
  const customerName = field('customerName');
  if (customerName !== undefined && customerName.length > 100) problems.push({ column: 'customerName', reason: 'at most 100 characters' });
  const message = field('message');
  if (message !== undefined && message.length > 500) problems.push({ column: 'message', reason: 'at most 500 characters' });
  const sendAtText = field('sendAt');
  const sendAt = sendAtText === undefined ? undefined : new Date(sendAtText);
  if (sendAt && (Number.isNaN(sendAt.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(sendAtText as string))) {
    problems.push({ column: 'sendAt', reason: 'an ISO 8601 time with offset, e.g. 2026-12-01T09:00:00+09:00' });
  }
  if (problems.length > 0) return { problems };
  return {
    row: {
      merchantBillNumber: merchantBillNumber as string,
      amount: Number(amount),
      currency: currency as string,
      dueDate: dueDate as string,
      allowedPaymentMethods: methods as PaymentMethod[],
      customerName,
      customerPhone: field('customerPhone'),
      taxAmount: taxAmount === undefined ? undefined : Number(taxAmount),
      message,
      sendAt,
    },
  };
}
