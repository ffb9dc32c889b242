/**
 * The merchant API: every route the gateway exposes and the service that answers it. To route another
 * service (recurring, screening), add its upstream URL variable to the gateway's config and a block here;
 * the OpenAPI document (merchant-api.openapi.ts) must list the same routes (a unit test checks).
 */
export interface MerchantRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express-style path, `:name` for a segment. */
  path: string;
  /** Payment submissions may use the reserved share of the limits: shed last. */
  submission?: boolean;
  /** The JSON body field (string or string array) naming the payment methods the request concerns. */
  paymentMethodsField?: string;
}

export interface MerchantService {
  /** The upstream's name, the key of its URL in the gateway's `upstreams`. */
  service: string;
  routes: MerchantRoute[];
}

export const MERCHANT_SERVICES: MerchantService[] = [
  {
    service: 'billing-requests',
    routes: [
      { method: 'POST', path: '/bills', submission: true, paymentMethodsField: 'allowedPaymentMethods' },
      { method: 'GET', path: '/bills/:billId' },
    ],
  },
];

export interface MatchedRoute {
  service: string;
  route: MerchantRoute;
}

/** Finds the route of a request in O(routes); parameters only need to be non-empty single segments. */
export class RouteTable {
  private readonly compiled: { pattern: RegExp; method: string; matched: MatchedRoute }[];

  constructor(services: MerchantService[]) {
    this.compiled = services.flatMap(({ service, routes }) =>
      routes.map((route) => ({
        method: route.method,
        pattern: new RegExp(`^${route.path.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
        matched: { service, route },
      })),
    );
  }

  match(method: string, path: string): MatchedRoute | undefined {
    for (const entry of this.compiled) if (entry.method === method && entry.pattern.test(path)) return entry.matched;
    return undefined;
  }

  /** Whether any route has this path (another method): 405 rather than 404. */
  hasPath(path: string): boolean {
    return this.compiled.some((entry) => entry.pattern.test(path));
  }
}
