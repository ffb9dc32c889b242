import { PaymentPageEntity } from '@kessai/payment-data-access';
import { formatAmount, PaymentPageLocale } from '@kessai/payment-domain';

export interface BillView {
  customerName: string | null;
  amount: string;
  tax: string | null;
  dueDate: string;
  lineItems: { description: string; quantity: number; total: string }[];
  message: string | null;
}

/** The bill as the page shows it: amounts formatted from minor units in the customer's language. */
export function toBillView(page: PaymentPageEntity, lang: PaymentPageLocale): BillView {
  const money = (minorUnits: number) => formatAmount(minorUnits, page.currency, lang);
  return {
    customerName: page.customerName,
    amount: money(page.amount),
    tax: page.taxAmount === null ? null : money(page.taxAmount),
    dueDate: formatDate(page.dueDate, lang),
    lineItems: (page.lineItems ?? []).map((item) => ({
      description: item.description,
      quantity: item.quantity,
      total: money(item.unitAmount * item.quantity),
    })),
    message: page.message,
  };
}

export function formatDate(isoDate: string, lang: PaymentPageLocale): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (lang === 'ja') return `${year}年${month}月${day}日`;
  return ENGLISH_DATE.format(new Date(Date.UTC(year, month - 1, day)));
}

const ENGLISH_DATE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** A date and time in Japan, for konbini deadlines. */
export function formatDateTimeInJapan(instant: string, lang: PaymentPageLocale): string {
  return new Date(instant).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: lang === 'ja' ? 'numeric' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
