// What the gateway benchmark and its profile share: billing-requests and a gateway in a namespace, two
// merchants (one practically unlimited, one limited to 10 req/s with burst 5x and concurrency 5) and a bill.
import { freePort, ServiceProcess, TestNamespace } from '@kessai/shared-testing';

export const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

export interface BenchStack {
  billing: ServiceProcess;
  gateway: ServiceProcess;
  /** API keys of bench-open (unlimited) and bench-burst (10 req/s). */
  openKey: string;
  burstKey: string;
  /** GET path of a bill of bench-open. */
  billPath: string;
}

/** Starts the services (pushed to `services` at once, so the caller stops them even when this fails). */
export async function startBenchStack(namespace: TestNamespace, services: ServiceProcess[], gatewayNodeArguments: string[] = []): Promise<BenchStack> {
  const billing = new ServiceProcess('billing-requests', await freePort(), namespace.serviceEnvironment('billing', { LOG_LEVEL: 'warn' })).start();
  services.push(billing);
  await billing.waitUntilReady();
  const gateway = new ServiceProcess(
    'throttle-gateway',
    await freePort(),
    namespace.serviceEnvironment('throttle', { LOG_LEVEL: 'warn', ADMIN_TOKEN, BILLING_REQUESTS_URL: billing.baseUrl, REDIS_KEY_PREFIX: `${namespace.id}:` }),
    gatewayNodeArguments,
  ).start();
  services.push(gateway);
  await gateway.waitUntilReady();

  const admin = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${gateway.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<{ secret: string }>;
  };
  const open = await admin('POST', '/admin/merchants/bench-open/api-keys', { mode: 'test' });
  const burst = await admin('POST', '/admin/merchants/bench-burst/api-keys', { mode: 'test' });
  const unlimited = { ratePerSecond: 0, burstMultiple: 1, concurrency: 0, reservedShare: 0, shadow: false };
  await admin('PUT', '/admin/merchants/bench-open/limits', { merchant: { ...unlimited, ratePerSecond: 100000, burstMultiple: 5, concurrency: 10000 } });
  // A merchant whose normal traffic is 10 requests/s (burst 5x): the load is far more than 100x that.
  await admin('PUT', '/admin/merchants/bench-burst/limits', { merchant: { ...unlimited, ratePerSecond: 10, burstMultiple: 5, concurrency: 5 } });
  const bill = (await (
    await fetch(`${gateway.baseUrl}/bills`, {
      method: 'POST',
      headers: { authorization: `Bearer ${open.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ merchantBillNumber: 'BENCH-1', amount: 1000, currency: 'JPY', dueDate: '2099-01-01', allowedPaymentMethods: ['card'] }),
    })
  ).json()) as { id: string };
  return { billing, gateway, openKey: open.secret, burstKey: burst.secret, billPath: `/bills/${bill.id}` };
}
