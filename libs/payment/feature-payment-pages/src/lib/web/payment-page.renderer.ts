import { Inject, Injectable } from '@nestjs/common';
import { Eta } from 'eta';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { MerchantBrandingEntity } from '@kessai/payment-data-access';
import { chooseLocale, paymentPageMessages, PaymentPageLocale, PaymentPageMessages } from '@kessai/payment-domain';
import { PAYMENT_PAGES_OPTIONS, PaymentPagesOptions } from '../payment-pages.options';

export const LOCALE_COOKIE = 'ks_lang';
const BRANDING_TTL_MS = 10_000;

export interface Brand {
  name: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  message: string | null;
  pageTemplate: string | null;
}

const DEFAULT_BRAND: Omit<Brand, 'name'> = { logoUrl: null, primaryColor: '#1f3a5f', accentColor: '#0b6bcb', message: null, pageTemplate: null };

/** What every view gets besides its own data. */
export interface PageContext {
  lang: PaymentPageLocale;
  t: PaymentPageMessages;
  nonce: string;
  brand: Brand;
  switchLanguageUrl: string;
}

/**
 * Renders the payment screen's server-side views (Eta, escaped by default) inside the merchant's branding. A
 * merchant with its own template gets it in place of the bill page; it is compiled once per version.
 */
@Injectable()
export class PaymentPageRenderer {
  private readonly eta = new Eta({ views: join(__dirname, 'views'), autoEscape: true, cache: true });
  private readonly brands = new Map<string, { brand: Omit<Brand, 'name'> & { name: string | null }; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PAYMENT_PAGES_OPTIONS) private readonly options: PaymentPagesOptions,
  ) {}

  /** The language of this request; `?lang=` is remembered in a cookie for the next pages. */
  context(request: Request, response: Response, brand: Brand): PageContext {
    const lang = chooseLocale(request.query['lang'], request.cookies?.[LOCALE_COOKIE]);
    if (request.query['lang'] === lang) {
      response.cookie(LOCALE_COOKIE, lang, { httpOnly: true, sameSite: 'lax', secure: this.secure, maxAge: 365 * 86_400_000, path: '/' });
    }
    const other = lang === 'ja' ? 'en' : 'ja';
    return {
      lang,
      t: paymentPageMessages(lang),
      nonce: String(response.locals['cspNonce']),
      brand,
      switchLanguageUrl: `${request.path}?lang=${other}`,
    };
  }

  get secure(): boolean {
    return this.options.publicUrl.startsWith('https:');
  }

  async brandOf(merchantId: string | null): Promise<Brand> {
    if (!merchantId) return { name: 'Kessai', ...DEFAULT_BRAND };
    const cached = this.brands.get(merchantId);
    if (cached && cached.until > Date.now()) return { ...cached.brand, name: cached.brand.name ?? merchantId };
    const row = await this.dataSource.getRepository(MerchantBrandingEntity).findOneBy({ merchantId });
    const brand = {
      name: row?.displayName ?? null,
      logoUrl: row?.logoUrl ?? DEFAULT_BRAND.logoUrl,
      primaryColor: row?.primaryColor ?? DEFAULT_BRAND.primaryColor,
      accentColor: row?.accentColor ?? DEFAULT_BRAND.accentColor,
      message: row?.message ?? null,
      pageTemplate: row?.pageTemplate ?? null,
    };
    this.brands.set(merchantId, { brand, until: Date.now() + BRANDING_TTL_MS });
    return { ...brand, name: brand.name ?? merchantId };
  }

  forgetBrand(merchantId: string): void {
    this.brands.delete(merchantId);
  }

  render(view: 'bill' | 'notice' | 'receipt' | 'konbini-slip', context: PageContext, data: { title: string; [field: string]: unknown }): string {
    const all = { ...context, ...data };
    if (view === 'bill' && context.brand.pageTemplate) return this.eta.render(this.merchantTemplateName(context.brand.pageTemplate), all);
    return this.eta.render(`./${view}`, all);
  }

  /** Throws the template's syntax error, so an operator learns of it when saving, not a customer when paying. */
  compile(template: string): void {
    this.eta.compile(template);
  }

  private merchantTemplateName(template: string): string {
    const name = `@merchant-${createHash('sha256').update(template).digest('hex').slice(0, 16)}`;
    if (!this.eta.templatesSync.get(name)) this.eta.loadTemplate(name, template);
    return name;
  }
}
