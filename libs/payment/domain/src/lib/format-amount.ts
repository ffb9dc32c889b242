import { Money } from '@kessai/shared-money';

/**
 * An amount for the customer's eyes, from integer minor units: ¥1,500 (JPY has no minor unit), $15.00.
 * Intl only formats; the number it gets is built from the integer by its currency's exponent, never by float
 * arithmetic on the amount.
 */
export function formatAmount(minorUnits: number, currencyCode: string, locale: PaymentPageLocale): string {
  const money = Money.of(minorUnits, currencyCode);
  const digits = money.currency.minorUnitDigits;
  const negative = minorUnits < 0;
  const text = String(Math.abs(minorUnits)).padStart(digits + 1, '0');
  const decimal = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  // Intl.NumberFormat accepts a decimal string exactly (no binary rounding) since ES2023.
  return formatterOf(locale, money.currencyCode, digits).format(`${negative ? '-' : ''}${decimal}` as unknown as number);
}

// Building an Intl formatter costs far more than using one: one per language and currency.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterOf(locale: PaymentPageLocale, currency: string, digits: number): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

export type PaymentPageLocale = 'ja' | 'en';
