import type { PaymentPageLocale } from '@kessai/payment-domain';

/** What the customer was doing when turned away: a page load is retried by reloading, a payment by resubmitting. */
export type TurnedAwayRequest = 'page-load' | 'payment-submission';

const TEXTS = {
  ja: {
    'page-load': {
      title: 'ただいま混み合っています',
      body: (seconds: number) => `アクセスが集中しています。約${seconds}秒後に自動で再読み込みします。`,
      action: 'もう一度読み込む',
    },
    'payment-submission': {
      title: 'お支払いを受け付けられませんでした',
      body: (seconds: number) => `ただいま混み合っているため、お支払いは行われていません(料金は発生していません)。約${seconds}秒お待ちいただき、もう一度お試しください。`,
      action: 'お支払い画面に戻る',
    },
  },
  en: {
    'page-load': {
      title: 'This page is busy right now',
      body: (seconds: number) => `Many customers are opening payment pages at the moment. This page reloads by itself in about ${seconds} seconds.`,
      action: 'Reload now',
    },
    'payment-submission': {
      title: 'Your payment was not taken',
      body: (seconds: number) => `We are very busy right now, so nothing was charged. Please wait about ${seconds} seconds and try again.`,
      action: 'Back to the payment page',
    },
  },
} as const;

const STYLE = [
  '*{box-sizing:border-box}',
  'body{margin:0;font-family:-apple-system,"Hiragino Sans","Noto Sans JP","Noto Sans CJK JP",sans-serif;background:#f4f5f7;color:#1c1e21;font-size:16px;line-height:1.5}',
  'main{max-width:480px;margin:0 auto;padding:24px 16px}',
  '.card{background:#fff;border-radius:12px;padding:20px 16px;margin-bottom:16px;box-shadow:0 1px 3px rgba(0,0,0,.08)}',
  'h1{font-size:20px;margin:0 0 8px}',
  '.button{display:block;width:100%;background:#1a73e8;color:#fff;border-radius:8px;padding:14px;font-size:17px;font-weight:600;margin-top:16px;text-align:center;text-decoration:none}',
  '.other{color:#606770;font-size:14px;border-top:1px solid #eee;margin-top:20px;padding-top:12px}',
  '.other h2{font-size:15px;margin:0 0 4px}',
].join('');

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * The page a customer sees when the merchant's customers are over its limits: in the customer's language with
 * the other one below (a customer who never switched may read only that), phone-sized, no script. A page load
 * reloads itself after Retry-After; a payment form is never resubmitted by itself, and the page says nothing
 * was charged.
 */
export function busyPage(options: { lang: PaymentPageLocale; request: TurnedAwayRequest; retryAfterSeconds: number; retryUrl: string; nonce: string }): string {
  const { lang, request, retryAfterSeconds, retryUrl, nonce } = options;
  const primary = TEXTS[lang][request];
  const other = TEXTS[lang === 'ja' ? 'en' : 'ja'][request];
  const href = escapeHtml(retryUrl);
  const refresh = request === 'page-load' ? `<meta http-equiv="refresh" content="${retryAfterSeconds}">` : '';
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${refresh}` +
    `<title>${primary.title}</title><style nonce="${escapeHtml(nonce)}">${STYLE}</style></head><body><main>` +
    `<section class="card" id="busy" data-kind="${request}"><h1 id="busy-title">${primary.title}</h1><p>${primary.body(retryAfterSeconds)}</p>` +
    `<a class="button" id="busy-retry" href="${href}">${primary.action}</a>` +
    `<div class="other" lang="${lang === 'ja' ? 'en' : 'ja'}"><h2>${other.title}</h2><p>${other.body(retryAfterSeconds)}</p></div>` +
    `</section></main></body></html>`
  );
}
