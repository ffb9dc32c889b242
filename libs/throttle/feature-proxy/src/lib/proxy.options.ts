export const PROXY_OPTIONS = Symbol('PROXY_OPTIONS');

export interface ProxyOptions {
  /** Upstream base URL by service name (`billing-requests` → BILLING_REQUESTS_URL); every service of the route table needs one. */
  upstreams: Record<string, string>;
  upstreamTimeoutMs: number;
  /** For streamed uploads (routes with `streamed`): from the first byte to the service's answer. */
  uploadTimeoutMs: number;
  upstreamConnections: number;
  maxRequestBodyBytes: number;
}
