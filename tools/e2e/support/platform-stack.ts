import { freePort, ServiceProcess, TestNamespace } from '@kessai/shared-testing';

export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';
export const SCREENING_OPERATOR_TOKEN = 'e2e-screening-operator-token-0123456789';
const SIGNING_SECRET = 'e2e-processor-signing-secret';

/**
 * Every Kessai service as its own process on the real PostgreSQL, Redis and Kafka, wired as in production:
 * merchants reach the platform through the gateway only, customers reach the payment screen, the services
 * talk through Kafka (and to processor-sim over HTTP). One namespace: their own schemas and prefixed topics.
 */
export class PlatformStack {
  readonly namespace: TestNamespace;
  readonly services: Record<string, ServiceProcess> = {};

  constructor(name: string) {
    this.namespace = new TestNamespace(name);
  }

  get gateway(): ServiceProcess {
    return this.services['throttle-gateway'];
  }

  get billing(): ServiceProcess {
    return this.services['billing-requests'];
  }

  get payment(): ServiceProcess {
    return this.services['payment-screen'];
  }

  get screening(): ServiceProcess {
    return this.services['credit-screening'];
  }

  get recurring(): ServiceProcess {
    return this.services['recurring-engine'];
  }

  get processor(): ServiceProcess {
    return this.services['processor-sim'];
  }

  async start(): Promise<void> {
    const names = ['processor-sim', 'payment-screen', 'billing-requests', 'recurring-engine', 'credit-screening', 'throttle-gateway'];
    const ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await freePort()] as const)));
    const url = (name: string) => `http://127.0.0.1:${ports[name]}`;
    const environments: Record<string, [string, Record<string, string>]> = {
      'processor-sim': [
        'processor',
        {
          PROCESSOR_SIGNING_SECRET: SIGNING_SECRET,
          PROCESSOR_WEBHOOK_URL: `${url('payment-screen')}/processor/webhooks`,
          PROCESSOR_WEBHOOK_POLL_INTERVAL_MS: '50',
          PROCESSOR_WEBHOOK_RETRY_INITIAL_MS: '100',
        },
      ],
      'payment-screen': [
        'payment',
        {
          PROCESSOR_SIGNING_SECRET: SIGNING_SECRET,
          PAYMENT_PROCESSOR_URL: url('processor-sim'),
          SCREENING_URL: url('credit-screening'),
        },
      ],
      'billing-requests': [
        'billing',
        {
          PAYMENT_SCREEN_PUBLIC_URL: url('payment-screen'),
          // The scenario runs at any hour: the sending window is the whole day.
          SMS_WINDOW_START_HOUR: '0',
          SMS_WINDOW_END_HOUR: '24',
          SMS_DISPATCH_INTERVAL_MS: '50',
          WEBHOOK_DELIVERY_INTERVAL_MS: '50',
          WEBHOOK_RETRY_INITIAL_MS: '200',
        },
      ],
      'recurring-engine': ['recurring', { RECURRING_PROCESSOR_URL: url('processor-sim'), RECURRING_PROCESSOR_SIGNING_SECRET: SIGNING_SECRET, SCREENING_URL: url('credit-screening') }],
      'credit-screening': ['screening', { SCREENING_OPERATOR_TOKEN, SCREENING_RULES_REFRESH_MS: '200', VELOCITY_KEY_PREFIX: `${this.namespace.id}:` }],
      'throttle-gateway': [
        'throttle',
        {
          ADMIN_TOKEN,
          REDIS_KEY_PREFIX: `${this.namespace.id}:`,
          BILLING_REQUESTS_URL: url('billing-requests'),
          PAYMENT_SCREEN_URL: url('payment-screen'),
          RECURRING_ENGINE_URL: url('recurring-engine'),
          CREDIT_SCREENING_URL: url('credit-screening'),
          API_KEY_CACHE_MS: '200',
          FLOW_LIMITS_CACHE_MS: '200',
          RETRY_AFTER_JITTER_SECONDS: '0',
        },
      ],
    };
    for (const name of names) {
      const [schema, extra] = environments[name];
      this.services[name] = new ServiceProcess(name, ports[name], this.namespace.serviceEnvironment(schema, { LOG_LEVEL: 'warn', ...extra })).start();
    }
    await Promise.all(Object.values(this.services).map((service) => service.waitUntilReady(300_000)));
  }

  async stop(): Promise<void> {
    await Promise.all(Object.values(this.services).map((service) => service.stop('SIGKILL')));
    await this.namespace.cleanUp();
  }

  /** A merchant's call through the gateway, with its API key. */
  merchantCall(apiKey: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const json = body !== undefined && typeof body !== 'string';
    return fetch(`${this.gateway.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, ...(json && { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : json ? JSON.stringify(body) : (body as string),
    });
  }

  /** The gateway's admin API (API keys, limits). */
  async admin(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.gateway.baseUrl}/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async issueApiKey(merchantId: string): Promise<string> {
    const response = await this.admin('POST', `/merchants/${merchantId}/api-keys`, { mode: 'test' });
    if (response.status !== 201) throw new Error(`issue key: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { secret: string }).secret;
  }

  /** credit-screening's operator API (rule sets, lists, per-merchant screening). */
  screeningOperator(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.screening.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${SCREENING_OPERATOR_TOKEN}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}
