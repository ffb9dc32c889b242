import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';

/** processor-sim and recurring-engine as processes in one test namespace, with what the settlement suites ask of them. */
export class SettlementHarness {
  readonly running: ServiceProcess[] = [];
  processor!: ServiceProcess;
  engine!: ServiceProcess;

  constructor(
    readonly namespace: TestNamespace,
    private readonly engineEnvironment: Record<string, string> = {},
  ) {}

  get schema(): string {
    return `"${this.namespace.schema('recurring')}"`;
  }

  get processorSchema(): string {
    return `"${this.namespace.schema('processor')}"`;
  }

  async start(processorEnvironment: Record<string, string> = {}): Promise<void> {
    this.processor = new ServiceProcess('processor-sim', await freePort(), this.namespace.serviceEnvironment('processor', processorEnvironment)).start();
    this.running.push(this.processor);
    await this.processor.waitUntilReady(120_000);
    this.engine = await this.startEngine();
  }

  async startEngine(extra: Record<string, string> = {}): Promise<ServiceProcess> {
    const service = new ServiceProcess(
      'recurring-engine',
      await freePort(),
      this.namespace.serviceEnvironment('recurring', { RECURRING_CHUNK_SIZE: '4', RECURRING_PROCESSOR_URL: this.processor.baseUrl, ...this.engineEnvironment, ...extra }),
    ).start();
    this.running.push(service);
    // generous: these suites start several engines on a machine shared with other test runs
    await service.waitUntilReady(120_000);
    return service;
  }

  /** Replaces the running engine (SIGTERM) with one started with `extra`. */
  async restartEngine(extra: Record<string, string> = {}): Promise<ServiceProcess> {
    await this.engine.stop('SIGTERM');
    this.engine = await this.startEngine(extra);
    return this.engine;
  }

  async stop(): Promise<void> {
    await Promise.all(this.running.map((service) => service.stop('SIGKILL')));
    await this.namespace.cleanUp();
  }

  async storeCard(merchantId: string, number: string): Promise<string> {
    const post = (path: string, body: unknown) =>
      fetch(`${this.processor.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { token } = (await (await post('/v1/tokens', { number, expMonth: 12, expYear: 2031, securityCode: '123' })).json()) as { token: string };
    return ((await (await post('/v1/cards', { token, merchantId })).json()) as { cardId: string }).cardId;
  }

  async launch(job: string, shopId: string, cycle: string, service: ServiceProcess = this.engine): Promise<string> {
    const response = await fetch(`${service.baseUrl}/jobs/${job}/executions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cycle, includeShops: [shopId] }),
    });
    if (response.status !== 202) throw new Error(`${job} answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { executionId: string }).executionId;
  }

  finished(job: string, executionId: string): Promise<{ status: string; progress: { done: number; total: number } }> {
    return pollUntil(
      `${job} ${executionId} to finish`,
      async () => {
        const body = (await (await fetch(`${this.engine.baseUrl}/jobs/${job}/executions/${executionId}`)).json()) as {
          status: string;
          progress: { done: number; total: number };
        };
        return body.status !== 'running' ? body : undefined;
      },
      { timeoutMs: 120_000 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- recurring-engine output ---\n${this.engine.output.slice(-25).join('\n')}`);
    });
  }

  /** Launches a job for one shop and waits for it to succeed. */
  async run(job: string, shopId: string, cycle: string): Promise<void> {
    const execution = await this.finished(job, await this.launch(job, shopId, cycle));
    if (execution.status !== 'succeeded') throw new Error(`${job} for ${shopId} ended ${execution.status}: ${JSON.stringify(execution)}`);
  }

  charges(shopId: string) {
    return this.namespace.query<{ charge_key: string; status: string; authorization_id: string | null; decline_code: string | null; sale_id: string | null; card_ref: string }>(
      `SELECT charge_key, status, authorization_id, decline_code, sale_id, card_ref FROM ${this.schema}.charge WHERE shop_id = $1 ORDER BY charge_key`,
      [shopId],
    );
  }

  events(type: string, shopId: string) {
    return this.namespace.query<{ payload: Record<string, unknown> }>(
      `SELECT envelope->'payload' AS payload FROM ${this.schema}.outbox_message WHERE envelope->>'type' = $1 AND envelope->>'merchantId' = $2 ORDER BY id`,
      [type, shopId],
    );
  }

  /** Sales the processor made for a merchant, per reference. */
  processorSales(merchantId: string) {
    return this.namespace.query<{ reference: string; count: number }>(
      `SELECT reference, count(*)::int AS count FROM ${this.processorSchema}.sale WHERE merchant_id = $1 GROUP BY reference ORDER BY reference`,
      [merchantId],
    );
  }

  /** Authorizations the processor recorded for a merchant, per idempotency key. */
  processorAuthorizations(merchantId: string) {
    return this.namespace.query<{ idempotency_key: string; count: number; status: string }>(
      `SELECT idempotency_key, count(*)::int AS count, min(status) AS status FROM ${this.processorSchema}.card_authorization
       WHERE merchant_id = $1 GROUP BY idempotency_key ORDER BY idempotency_key`,
      [merchantId],
    );
  }

  async processorFiles(kind: 'sales_confirmation' | 'card_refresh'): Promise<number> {
    return (await this.namespace.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${this.processorSchema}.processor_file WHERE kind = $1`, [kind]))[0].count;
  }
}
