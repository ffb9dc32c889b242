import { Inject, Injectable } from '@nestjs/common';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { canPerform, chooseConsoleLocale, ConsoleAction, consoleMessages, ConsoleLocale, ConsoleMessages, fillMessage } from '@kessai/console-domain';
import { CONSOLE_BASE_PATH, CONSOLE_OPTIONS, ConsoleOptions } from '../console.options';
import { accessOf, ConsoleRequest, ConsoleUserView } from '../session/console-access';
import { CSRF_FIELD } from './csrf-token';
import { ConsoleViews } from './console-views';

export const LOCALE_COOKIE = 'ks_console_lang';

/** What every console view gets besides its own data. */
export interface ConsolePageContext {
  lang: ConsoleLocale;
  t: ConsoleMessages;
  fill: typeof fillMessage;
  nonce: string;
  csrfField: string;
  csrfToken: string;
  user: ConsoleUserView | null;
  can: (action: ConsoleAction) => boolean;
  base: string;
  switchLanguageUrl: string;
  /** Formats an ISO time for the page's language in Japan time. */
  time: (iso: string | null | undefined) => string;
  /** Formats integer minor units with the currency (JPY has no decimals). */
  money: (minorUnits: number, currency: string) => string;
}

export type NavKey = 'dashboard' | 'bills' | 'upload' | 'recurring' | 'webhooks' | 'api-keys' | 'throttle' | 'screening' | 'users' | 'none';

const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, USD: 2, EUR: 2 };

/** Renders console pages inside the one layout: landmarks, skip link, navigation by role, language switch. */
@Injectable()
export class ConsolePageRenderer {
  private readonly views = new ConsoleViews(join(__dirname, 'views'));

  constructor(@Inject(CONSOLE_OPTIONS) private readonly options: ConsoleOptions) {}

  context(request: Request, response: Response): ConsolePageContext {
    const lang = chooseConsoleLocale(request.query['lang'], request.cookies?.[LOCALE_COOKIE]);
    if (request.query['lang'] === lang) {
      response.cookie(LOCALE_COOKIE, lang, { httpOnly: true, sameSite: 'lax', secure: this.options.secureCookies || this.options.publicUrl.startsWith('https:'), maxAge: 365 * 86_400_000, path: CONSOLE_BASE_PATH });
    }
    const access = (request as ConsoleRequest).consoleAccess;
    const user = access?.user ?? null;
    // A page answering a POST switches language on its screen's GET address (the POST is not repeated).
    const isGet = request.method === 'GET';
    const query = new URLSearchParams(isGet ? (request.query as Record<string, string>) : {});
    query.delete('_csrf');
    query.set('lang', lang === 'ja' ? 'en' : 'ja');
    const path = isGet ? `${request.baseUrl}${request.path}` : `${request.baseUrl}${request.path}`.split('/').slice(0, 3).join('/');
    const dateFormat = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    return {
      lang,
      t: consoleMessages(lang),
      fill: fillMessage,
      nonce: String(response.locals['cspNonce'] ?? ''),
      csrfField: CSRF_FIELD,
      csrfToken: access?.csrfToken ?? '',
      user,
      can: (action) => user !== null && canPerform(user.role, action),
      base: CONSOLE_BASE_PATH,
      switchLanguageUrl: `${path}?${query.toString()}`,
      time: (iso) => (iso ? dateFormat.format(new Date(iso)) : '—'),
      money: (minorUnits, currency) => {
        const digits = MINOR_DIGITS[currency] ?? 2;
        return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minorUnits / 10 ** digits);
      },
    };
  }

  /** A whole page: the layout around `body`. `notice` is read out by screen readers (role=status). */
  page(context: ConsolePageContext, page: { title: string; body: string; nav: NavKey; notice?: string | null; error?: string | null }): string {
    return this.views.render('layout', { ...context, ...page });
  }

  /** One of this feature's own views (sign-in, second factor, messages) inside the layout. */
  view(context: ConsolePageContext, view: string, page: { title: string; nav?: NavKey; notice?: string | null; error?: string | null; [field: string]: unknown }): string {
    const body = this.views.render(view, { ...context, ...page });
    return this.page(context, { title: page.title, body, nav: page.nav ?? 'none', notice: page.notice, error: page.error });
  }

  accessOf = accessOf;
}
