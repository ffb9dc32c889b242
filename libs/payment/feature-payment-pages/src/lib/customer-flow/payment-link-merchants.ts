import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PaymentPageEntity } from '@kessai/payment-data-access';

const LINK_TOKEN = /^[A-Za-z0-9_-]{22,64}$/;
const MAX_CACHED_LINKS = 100_000;

/**
 * Which merchant a payment link belongs to, for flow control before the page is served. A link never changes
 * merchant, so answers are kept (the oldest dropped past MAX_CACHED_LINKS): a burst on one merchant's links
 * costs one lookup per link, not one per request.
 */
@Injectable()
export class PaymentLinkMerchants {
  private readonly merchants = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  async merchantOf(token: string): Promise<string | undefined> {
    if (!LINK_TOKEN.test(token)) return undefined;
    const cached = this.merchants.get(token);
    if (cached) return cached;
    const page = await this.dataSource.getRepository(PaymentPageEntity).findOne({ select: { merchantId: true }, where: { linkToken: token } });
    if (!page) return undefined;
    if (this.merchants.size >= MAX_CACHED_LINKS) this.merchants.delete(this.merchants.keys().next().value as string);
    this.merchants.set(token, page.merchantId);
    return page.merchantId;
  }
}
