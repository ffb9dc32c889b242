import { ServiceProcess } from './service-process';
import { freePort, TestNamespace } from './test-infrastructure';

const OPERATOR_TOKEN = 'integration-operator-token';

/**
 * credit-screening as a process in a test's namespace, for the services that ask it before authorizing: publish
 * and activate rules, fill block lists and turn a merchant's screening on through its operator API.
 */
export class ScreeningService {
  process!: ServiceProcess;

  constructor(private readonly namespace: TestNamespace) {}

  get baseUrl(): string {
    return this.process.baseUrl;
  }

  async start(env: Record<string, string> = {}): Promise<this> {
    this.process = new ServiceProcess(
      'credit-screening',
      await freePort(),
      this.namespace.serviceEnvironment('screening', { SCREENING_OPERATOR_TOKEN: OPERATOR_TOKEN, VELOCITY_KEY_PREFIX: `${this.namespace.id}:`, ...env }),
    ).start();
    await this.process.waitUntilReady();
    return this;
  }

  async stop(): Promise<void> {
    await this.process?.stop('SIGKILL');
  }

  async activateRules(rules: { id: string; action: string; when: string }[]): Promise<number> {
    const { version } = (await this.operator('POST', '/rule-sets', { rules })) as { version: number };
    await this.operator('POST', `/rule-sets/${version}/activate`);
    return version;
  }

  async block(scope: string, identity: 'card' | 'phone' | 'email' | 'ip' | 'device', value: string): Promise<void> {
    await this.operator('POST', `/lists/${scope}/block/entries`, { identity, value, reason: 'test' });
  }

  async setMerchantScreening(merchantId: string, enabled: boolean, onReview: 'decline' | 'allow' = 'decline'): Promise<void> {
    await this.operator('PUT', `/operator/merchants/${merchantId}/screening`, { enabled, onReview });
  }

  private async operator(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR_TOKEN}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`credit-screening ${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
}
