import { randomUUID } from 'node:crypto';
import { freePort, ServiceProcess, TestNamespace } from '@kessai/shared-testing';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** A gateway instance in the namespace (its own schema and Redis key prefix, shared by its instances). */
export async function startGateway(namespace: TestNamespace, extra: Record<string, string> = {}): Promise<ServiceProcess> {
  const gateway = new ServiceProcess(
    'throttle-gateway',
    await freePort(),
    namespace.serviceEnvironment('throttle', {
      ADMIN_TOKEN,
      REDIS_KEY_PREFIX: `${namespace.id}:`,
      API_KEY_CACHE_MS: '200',
      FLOW_LIMITS_CACHE_MS: '200',
      RETRY_AFTER_JITTER_SECONDS: '0',
      LOG_LEVEL: 'warn',
      ...extra,
    }),
  ).start();
  return gateway;
}

export class AdminClient {
  constructor(private readonly baseUrl: string) {}

  async issueKey(merchantId: string, mode: 'test' | 'live' = 'test'): Promise<{ id: string; secret: string }> {
    const response = await this.call('POST', `/admin/merchants/${merchantId}/api-keys`, { mode });
    if (response.status !== 201) throw new Error(`issue key: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; secret: string };
  }

  async setLimits(merchantId: string, limits: unknown): Promise<void> {
    const response = await this.call('PUT', `/admin/merchants/${merchantId}/limits`, limits);
    if (response.status !== 200) throw new Error(`set limits: ${response.status} ${await response.text()}`);
  }

  call(method: string, path: string, body?: unknown, token = ADMIN_TOKEN): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

export const policy = (overrides: Record<string, unknown> = {}) => ({
  ratePerSecond: 0,
  burstMultiple: 1,
  concurrency: 0,
  reservedShare: 0,
  shadow: false,
  ...overrides,
});

export const newBill = (overrides: Record<string, unknown> = {}) => ({
  merchantBillNumber: `INV-${randomUUID()}`,
  amount: 3300,
  currency: 'JPY',
  dueDate: '2099-06-30',
  allowedPaymentMethods: ['card'],
  ...overrides,
});
