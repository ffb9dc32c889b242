// GSM 03.38 basic character set (plus the escape table counted as two): anything else makes the SMS UCS-2.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€');

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/** How many SMS segments a text takes: 160/153 GSM-7 septets, or 70/67 UCS-2 code units once one character is not GSM. */
export function smsSegments(text: string): SmsSegments {
  const chars = [...text];
  if (chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENDED.has(c))) {
    const units = chars.reduce((sum, c) => sum + (GSM_EXTENDED.has(c) ? 2 : 1), 0);
    return { encoding: 'GSM-7', units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length;
  return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/**
 * The Japanese SMS with the payment link in one UCS-2 segment (70 characters): `ご請求¥3,300 期限12/10 <url>`
 * (a reminder starts with `再送:`). With a 46-character link (`https://pay.kessai.jp/p/` and a 22-character
 * token) every amount up to ¥9,999,999 fits; when the text would not, the amount is left out (the page shows it).
 */
export function paymentLinkSms(input: { kind: 'payment-link' | 'reminder'; amount: number; currency: string; dueDate: string; url: string }): string {
  const amount = input.currency === 'JPY' ? `¥${groupThousands(input.amount)}` : `${input.amount} ${input.currency}`;
  const [, month, day] = input.dueDate.split('-').map(Number);
  const lead = input.kind === 'reminder' ? '再送:' : '';
  const full = `${lead}ご請求${amount} 期限${month}/${day} ${input.url}`;
  return smsSegments(full).segments === 1 ? full : `${lead}ご請求 期限${month}/${day} ${input.url}`;
}

// Intl formatting costs microseconds a call; a bulk import formats a million of these.
function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The Japanese receipt of a bill charged automatically to the customer's registered card, in one UCS-2 segment:
 * `【領収】ご請求¥3,300を登録カードでお支払いしました 請求番号B-1001`. A bill number too long to fit is left
 * out rather than sending two segments (the merchant's own statement carries it).
 */
export function receiptSms(input: { amount: number; currency: string; merchantBillNumber: string }): string {
  const amount = input.currency === 'JPY' ? `¥${groupThousands(input.amount)}` : `${input.amount} ${input.currency}`;
  const text = `【領収】ご請求${amount}を登録カードでお支払いしました`;
  const withNumber = `${text} 請求番号${input.merchantBillNumber}`;
  return smsSegments(withNumber).segments === 1 ? withNumber : text;
}
