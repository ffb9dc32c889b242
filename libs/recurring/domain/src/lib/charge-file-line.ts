import { Currency } from '@kessai/shared-money';

/** Columns of a charge file (CSV, header row first). Unknown columns are ignored. */
export const CHARGE_FILE_REQUIRED_COLUMNS = ['member_id', 'amount', 'currency'] as const;
export const CHARGE_FILE_OPTIONAL_COLUMNS = ['card_ref', 'charge_day'] as const;

export interface ChargeFileLine {
  line: number;
  /** The merchant's own member id; the member must be registered (`PUT /recurring/members/{id}`). */
  memberId: string;
  /** When empty, the member's registered card. */
  cardRef: string | null;
  amount: number;
  currency: string;
  /** Day of the cycle to charge on; when empty, the shop's default. */
  chargeDay: number | null;
}

export interface ChargeFileProblem {
  line: number;
  column: string;
  reason: string;
}

const MEMBER_ID = /^[A-Za-z0-9._-]{1,64}$/;
const CARD_REF = /^[\x21-\x7e]{1,64}$/;

/** Problems of the header row: every required column must be there, once. */
export function checkChargeFileHeader(columns: string[]): ChargeFileProblem[] {
  const problems: ChargeFileProblem[] = [];
  for (const required of CHARGE_FILE_REQUIRED_COLUMNS) {
    if (!columns.includes(required)) problems.push({ line: 1, column: required, reason: `the header has no "${required}" column (required: ${CHARGE_FILE_REQUIRED_COLUMNS.join(', ')})` });
  }
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) problems.push({ line: 1, column, reason: `the header names "${column}" twice` });
    seen.add(column);
  }
  return problems;
}

/**
 * One line of a charge file, checked on its own (whether the member exists is checked set-based later).
 * Decoding leaves U+FFFD where bytes were neither valid UTF-8 nor Shift_JIS: that is a wrong encoding.
 */
export function parseChargeFileLine(record: Record<string, string | undefined>, line: number): { line: ChargeFileLine } | { problems: ChargeFileProblem[] } {
  const problems: ChargeFileProblem[] = [];
  const problem = (column: string, reason: string) => problems.push({ line, column, reason });
  const value = (column: string, required: boolean): string | null => {
    const raw = record[column];
    if (raw === undefined) {
      if (required) problem(column, `the line ends before the "${column}" column: it has fewer columns than the header`);
      return null;
    }
    if (raw.includes('\ufffd')) {
      problem(column, 'wrong encoding: the bytes are neither UTF-8 nor Shift_JIS; save the file in one of them');
      return null;
    }
    const text = raw.trim();
    if (text === '') {
      if (required) problem(column, `"${column}" is empty`);
      return null;
    }
    return text;
  };
  const memberId = value('member_id', true);
  const amountText = value('amount', true);
  const currency = value('currency', true);
  const cardRef = value('card_ref', false);
  const chargeDayText = value('charge_day', false);

  if (memberId !== null && !MEMBER_ID.test(memberId)) problem('member_id', `"${memberId}" is not a member id (1 to 64 of A-Z a-z 0-9 . _ -)`);
  if (currency !== null && !Currency.isValid(currency)) problem('currency', `"${currency}" is not an ISO 4217 currency`);
  let amount = 0;
  if (amountText !== null) {
    amount = /^\d{1,16}$/.test(amountText) ? Number(amountText) : NaN;
    if (!Number.isSafeInteger(amount) || amount <= 0) {
      problem('amount', `"${amountText}" is not an amount: a positive whole number of minor units (JPY has no decimals, 1000 = ¥1,000)`);
    }
  }
  if (cardRef !== null && !CARD_REF.test(cardRef)) problem('card_ref', 'card_ref must be a processor card reference (never a card number)');
  if (cardRef !== null && /^\d{12,19}$/.test(cardRef)) problem('card_ref', 'card_ref looks like a card number: send the processor card reference instead');
  let chargeDay: number | null = null;
  if (chargeDayText !== null) {
    chargeDay = /^\d{1,2}$/.test(chargeDayText) ? Number(chargeDayText) : NaN;
    if (!(chargeDay >= 1 && chargeDay <= 31)) problem('charge_day', `"${chargeDayText}" is not a day of the month (1 to 31)`);
  }
  if (problems.length > 0) return { problems };
  return { line: { line, memberId: memberId as string, cardRef, amount, currency: currency as string, chargeDay } };
}
