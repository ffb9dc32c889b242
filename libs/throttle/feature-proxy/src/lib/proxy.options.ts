export const PROXY_OPTIONS = Symbol('PROXY_OPTIONS');

export interface ProxyOptions {
  /** Upstream base URL by service name (`billing-requests` → BILLING_REQUESTS_URL); every service of the route table needs one. */
  upstreams: Record<string, string>;
  upstreamTimeoutMs: number;
  upstreamConnections: number;
  maxRequestBodyBytes: number;
}
