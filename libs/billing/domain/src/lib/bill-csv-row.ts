import { BillLineItem, PAYMENT_METHODS, PaymentMethod } from './bill';

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
  'lineItems',
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
  lineItems?: BillLineItem[];
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
  const lineItemsText = field('lineItems');
  const lineItems = lineItemsText === undefined ? undefined : parseLineItems(lineItemsText);
  if (typeof lineItems === 'string') problems.push({ column: 'lineItems', reason: lineItems });
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
      lineItems: lineItems as BillLineItem[] | undefined,
    },
  };
}

const LINE_ITEM = /^(.+):(\d{1,9}):(\d{1,15})$/;

/**
 * `description:quantity:unitAmount` items separated by `|`, e.g. `水道料金 11月分:1:9800|下水道使用料:2:500`
 * (the unit amount in minor units; a description may itself hold `:`, the last two fields are the numbers).
 * Returns the reason when the cell is not such a list; the domain checks that the items add up to the amount.
 */
function parseLineItems(cell: string): BillLineItem[] | string {
  const items: BillLineItem[] = [];
  const parts = cell.split('|');
  if (parts.length > 100) return 'at most 100 line items';
  for (const [index, part] of parts.entries()) {
    const match = LINE_ITEM.exec(part.trim());
    const description = match?.[1].trim();
    if (!match || !description || description.length > 200 || Number(match[2]) < 1) {
      return `item ${index + 1} ("${part.trim().slice(0, 40)}") must be description:quantity:unitAmount, e.g. 水道料金:1:9800, items separated by |`;
    }
    items.push({ description, quantity: Number(match[2]), unitAmount: Number(match[3]) });
  }
  return items;
}
