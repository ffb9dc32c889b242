export const MERCHANT_SCREENS_OPTIONS = Symbol('MERCHANT_SCREENS_OPTIONS');

export interface MerchantScreensOptions {
  /** Internal URLs of the services the console calls as the signed-in merchant (never their tables). */
  billingRequestsUrl: string;
  recurringEngineUrl: string;
  creditScreeningUrl: string;
  /** The gateway's admin API (API keys, limits) and its bearer token. */
  gatewayAdminUrl: string;
  gatewayAdminToken: string;
  upstreamTimeoutMs: number;
  uploadMaxBytes: number;
}
