import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CONSOLE_ENTITIES, ConsoleUserRepository } from '@kessai/console-data-access';
import { CreateConsoleUserHandler } from '@kessai/console-feature-sign-in';
import { SystemClock } from '@kessai/shared-clock';
import { ConsoleRole } from '@kessai/console-domain';
import { freePort, ServiceProcess, TEST_DATABASE_URL, TestNamespace } from '@kessai/shared-testing';

export const ADMIN_TOKEN = 'console-test-admin-token-0123456789';
export const SCREENING_OPERATOR_TOKEN = 'console-test-screening-operator-token';

/**
 * billing-requests, throttle-gateway and merchant-console (and, when asked, recurring-engine and
 * credit-screening) as real processes on the real PostgreSQL, Redis and Kafka, wired as in production: people
 * reach the console through the gateway's /console pass-through; the console calls the services' APIs and the
 * gateway's admin API.
 */
export class ConsoleStack {
  readonly namespace: TestNamespace;
  readonly merchantId = `merchant-${randomUUID().slice(0, 8)}`;
  billing!: ServiceProcess;
  gateway!: ServiceProcess;
  console!: ServiceProcess;
  recurring?: ServiceProcess;
  screening?: ServiceProcess;
  private dataSource?: DataSource;

  constructor(name: string) {
    this.namespace = new TestNamespace(name);
  }

  async start(consoleEnv: Record<string, string> = {}, { withRecurringAndScreening = false } = {}): Promise<void> {
    const [billingPort, gatewayPort, consolePort] = [await freePort(), await freePort(), await freePort()];
    const upstreams: Record<string, string> = {};
    if (withRecurringAndScreening) {
      this.recurring = new ServiceProcess('recurring-engine', await freePort(), this.namespace.serviceEnvironment('recurring')).start();
      this.screening = new ServiceProcess('credit-screening', await freePort(), this.namespace.serviceEnvironment('screening', { SCREENING_OPERATOR_TOKEN: SCREENING_OPERATOR_TOKEN, VELOCITY_KEY_PREFIX: `${this.namespace.id}:`, DECISION_RECORDER_FLUSH_MS: '50' })).start();
      Object.assign(upstreams, { RECURRING_ENGINE_URL: this.recurring.baseUrl, CREDIT_SCREENING_URL: this.screening.baseUrl });
    }
    this.billing = new ServiceProcess('billing-requests', billingPort, this.namespace.serviceEnvironment('billing', { SMS_DISPATCH_INTERVAL_MS: '0', WEBHOOK_DELIVERY_INTERVAL_MS: '0', BILL_JOBS_INTERVAL_MS: '0' })).start();
    this.gateway = new ServiceProcess(
      'throttle-gateway',
      gatewayPort,
      this.namespace.serviceEnvironment('throttle', {
        BILLING_REQUESTS_URL: `http://127.0.0.1:${billingPort}`,
        MERCHANT_CONSOLE_URL: `http://127.0.0.1:${consolePort}`,
        ADMIN_TOKEN,
        REDIS_KEY_PREFIX: `${this.namespace.schema('throttle')}:`,
        API_KEY_CACHE_MS: '0',
      }),
    ).start();
    this.console = new ServiceProcess(
      'merchant-console',
      consolePort,
      this.namespace.serviceEnvironment('console', {
        BILLING_REQUESTS_URL: `http://127.0.0.1:${billingPort}`,
        GATEWAY_ADMIN_URL: `http://127.0.0.1:${gatewayPort}`,
        GATEWAY_ADMIN_TOKEN: ADMIN_TOKEN,
        CONSOLE_PUBLIC_URL: `http://127.0.0.1:${gatewayPort}`,
        CONSOLE_LOCKOUT_FAILURES: '3',
        ...upstreams,
        ...consoleEnv,
      }),
    ).start();
    // Generous: the shared machine may be busy with other engineers' suites.
    await Promise.all([this.billing, this.gateway, this.console, this.recurring, this.screening].map((service) => service?.waitUntilReady(180_000)));
  }

  /** The console as people reach it: through the gateway. */
  get consoleUrl(): string {
    return `${this.gateway.baseUrl}/console`;
  }

  async addUser(email: string, password: string, role: ConsoleRole = 'admin', merchantId = this.merchantId): Promise<void> {
    this.dataSource ??= await new DataSource({ type: 'postgres', url: TEST_DATABASE_URL, schema: this.namespace.schema('console'), entities: CONSOLE_ENTITIES }).initialize();
    await new CreateConsoleUserHandler(new ConsoleUserRepository(this.dataSource), new SystemClock()).execute({ merchantId, email, password, role, displayName: email.split('@')[0] });
  }

  async consoleQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.namespace.query<T>(sql.replaceAll('console.', `"${this.namespace.schema('console')}".`), params);
  }

  async stop(): Promise<void> {
    await this.dataSource?.destroy();
    await Promise.all([this.billing, this.gateway, this.console, this.recurring, this.screening].map((service) => service?.stop('SIGKILL')));
    await this.namespace.cleanUp();
  }
}
