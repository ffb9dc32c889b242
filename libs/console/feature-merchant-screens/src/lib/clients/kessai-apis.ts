import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { MERCHANT_SCREENS_OPTIONS, MerchantScreensOptions } from '../merchant-screens.options';
import { ServiceApiClient } from './service-api.client';

/** The services the console talks to, each over its HTTP API only. */
@Injectable()
export class KessaiApis implements OnApplicationShutdown {
  readonly billing: ServiceApiClient;
  readonly recurring: ServiceApiClient;
  readonly screening: ServiceApiClient;
  readonly gatewayAdmin: ServiceApiClient;

  constructor(@Inject(MERCHANT_SCREENS_OPTIONS) options: MerchantScreensOptions) {
    this.billing = new ServiceApiClient('billing-requests', options.billingRequestsUrl, options.upstreamTimeoutMs);
    this.recurring = new ServiceApiClient('recurring-engine', options.recurringEngineUrl, options.upstreamTimeoutMs);
    this.screening = new ServiceApiClient('credit-screening', options.creditScreeningUrl, options.upstreamTimeoutMs);
    this.gatewayAdmin = new ServiceApiClient('throttle-gateway', options.gatewayAdminUrl, options.upstreamTimeoutMs, options.gatewayAdminToken ? `Bearer ${options.gatewayAdminToken}` : undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.billing, this.recurring, this.screening, this.gatewayAdmin].map((client) => client.close().catch(() => undefined)));
  }
}
