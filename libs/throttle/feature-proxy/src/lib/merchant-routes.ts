/**
 * The merchant API: every route the gateway exposes and the service that answers it. To route another
 * service, add its upstream URL variable to the gateway's config (and to `upstreams` in the app module) and a
 * block here; the OpenAPI document (merchant-api.openapi.ts) must list the same routes (a unit test checks).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface MerchantRoute {
  method: HttpMethod;
  /** Express-style path, `:name` for a segment; for a prefix route, the prefix followed by `/*`. */
  path: string;
  /** Payment submissions may use the reserved share of the limits: shed last. */
  submission?: boolean;
  /** The JSON body field (string or string array) naming the payment methods the request concerns. */
  paymentMethodsField?: string;
  /**
   * A file upload, far larger than MAX_REQUEST_BODY_BYTES: the body is streamed to the service unread. Its
   * Idempotency-Key goes to the service, which recognises a file sent twice itself.
   */
  streamed?: boolean;
}

export interface MerchantService {
  /** The upstream's name, the key of its URL in the gateway's `upstreams`. */
  service: string;
  routes: MerchantRoute[];
  /**
   * Every path under these prefixes (e.g. `/recurring`: `/recurring/...`), with any method, goes to this
   * service: the service adds endpoints there without a gateway change. Exact routes win over prefixes.
   */
  prefixes?: string[];
}

export const MERCHANT_SERVICES: MerchantService[] = [
  {
    service: 'billing-requests',
    routes: [
      { method: 'POST', path: '/bills', submission: true, paymentMethodsField: 'allowedPaymentMethods' },
      { method: 'GET', path: '/bills' },
      { method: 'GET', path: '/bills/:billId' },
      { method: 'POST', path: '/bills/:billId/cancel' },
      { method: 'POST', path: '/bills/:billId/resend-sms' },
      { method: 'PUT', path: '/settings/sms-window' },
      { method: 'POST', path: '/bill-imports', streamed: true },
      { method: 'GET', path: '/bill-imports/:importId' },
      { method: 'GET', path: '/bill-imports/:importId/errors.csv' },
      { method: 'GET', path: '/bill-exports/bills.csv' },
      { method: 'PUT', path: '/webhook-endpoint' },
      { method: 'GET', path: '/webhook-endpoint' },
      { method: 'DELETE', path: '/webhook-endpoint' },
      { method: 'POST', path: '/webhook-endpoint/rotate-secret' },
      { method: 'GET', path: '/webhook-deliveries' },
      { method: 'POST', path: '/webhook-deliveries/:deliveryId/replay' },
    ],
  },
  {
    service: 'payment-screen',
    routes: [
      { method: 'PUT', path: '/payment-pages/branding' },
      { method: 'GET', path: '/payment-pages/branding' },
    ],
  },
  {
    service: 'credit-screening',
    routes: [
      // A screening call comes right before a payment: shed with the payment submissions, last.
      { method: 'POST', path: '/decisions', submission: true, paymentMethodsField: 'paymentMethod' },
      { method: 'GET', path: '/decisions/:decisionId' },
      { method: 'GET', path: '/decisions' },
      { method: 'GET', path: '/merchant-rules' },
    ],
  },
  {
    // Merchant = shop (x-kessai-merchant-id); the recurring engine owns everything under /recurring/.
    service: 'recurring-engine',
    routes: [{ method: 'POST', path: '/recurring/files', streamed: true }],
    prefixes: ['/recurring'],
  },
];

export const PREFIX_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface MatchedRoute {
  service: string;
  route: MerchantRoute;
}

/**
 * Dot segments and encoded slashes or dots never match a prefix: `/recurring/../admin` must not reach another
 * path of the service (or a service that normalizes it differently than we do).
 */
const UNSAFE_PATH = /\/\.\.?(\/|$)|%2f|%2e|%5c|\\|\/\//i;

/** Finds the route of a request: exact routes in O(routes), then prefixes; parameters are non-empty single segments. */
export class RouteTable {
  private readonly compiled: { pattern: RegExp; method: string; matched: MatchedRoute }[];
  private readonly prefixes: { prefix: string; byMethod: Map<string, MatchedRoute> }[];

  constructor(services: MerchantService[]) {
    this.compiled = services.flatMap(({ service, routes }) =>
      routes.map((route) => ({
        method: route.method,
        pattern: new RegExp(`^${route.path.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
        matched: { service, route },
      })),
    );
    this.prefixes = services.flatMap(({ service, prefixes = [] }) =>
      prefixes.map((prefix) => ({
        prefix,
        byMethod: new Map(PREFIX_METHODS.map((method) => [method, { service, route: { method, path: `${prefix}/*` } }])),
      })),
    );
  }

  match(method: string, path: string): MatchedRoute | undefined {
    for (const entry of this.compiled) if (entry.method === method && entry.pattern.test(path)) return entry.matched;
    const prefix = this.prefixOf(path);
    return prefix?.byMethod.get(method);
  }

  /** Whether any route has this path (another method): 405 rather than 404. */
  hasPath(path: string): boolean {
    return this.compiled.some((entry) => entry.pattern.test(path)) || this.prefixOf(path) !== undefined;
  }

  private prefixOf(path: string) {
    for (const entry of this.prefixes) {
      if (path.length > entry.prefix.length + 1 && path.startsWith(entry.prefix) && path[entry.prefix.length] === '/' && !UNSAFE_PATH.test(path)) return entry;
    }
    return undefined;
  }
}
