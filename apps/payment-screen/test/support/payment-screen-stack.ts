import { randomBytes, randomUUID } from 'node:crypto';
import { newId } from '@kessai/shared-ids';
import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';

export const SIGNING_SECRET = 'payment-screen-test-signing-secret';

export interface BillOptions {
  amount?: number;
  currency?: string;
  methods?: string[];
  customerPhone?: string;
  linkExpiresAt?: string;
  dueDate?: string;
  customerName?: string;
  /** null: a bill without a message of its own. */
  message?: string | null;
  merchantId?: string;
}

/**
 * processor-sim and payment-screen as real processes on the real PostgreSQL, Redis and Kafka, wired as in
 * production: payment-screen calls the simulator, the simulator posts its signed webhooks to payment-screen.
 */
export class PaymentScreenStack {
  readonly namespace: TestNamespace;
  readonly merchantId = `merchant-${randomUUID().slice(0, 8)}`;
  processor!: ServiceProcess;
  payment!: ServiceProcess;

  constructor(name: string) {
    this.namespace = new TestNamespace(name);
  }

  async start(paymentEnv: Record<string, string> = {}, readyTimeoutMs?: number): Promise<void> {
    const processorPort = await freePort();
    const paymentPort = await freePort();
    this.processor = new ServiceProcess(
      'processor-sim',
      processorPort,
      this.namespace.serviceEnvironment('processor', {
        PROCESSOR_SIGNING_SECRET: SIGNING_SECRET,
        PROCESSOR_WEBHOOK_URL: `http://127.0.0.1:${paymentPort}/processor/webhooks`,
        PROCESSOR_WEBHOOK_POLL_INTERVAL_MS: '50',
        PROCESSOR_WEBHOOK_RETRY_INITIAL_MS: '100',
        PROCESSOR_WEBHOOK_RETRY_MAX_MS: '500',
      }),
    ).start();
    this.payment = new ServiceProcess(
      'payment-screen',
      paymentPort,
      this.namespace.serviceEnvironment('payment', {
        PROCESSOR_SIGNING_SECRET: SIGNING_SECRET,
        PAYMENT_PROCESSOR_URL: `http://127.0.0.1:${processorPort}`,
        ...paymentEnv,
      }),
    ).start();
    await Promise.all([this.processor.waitUntilReady(readyTimeoutMs), this.payment.waitUntilReady(readyTimeoutMs)]);
  }

  async stop(): Promise<void> {
    await Promise.all([this.processor?.stop('SIGKILL'), this.payment?.stop('SIGKILL')]);
    await this.namespace.cleanUp();
  }

  /** Publishes billing.bill.created.v1 as billing-requests would and waits for the payment page. */
  async createBill(options: BillOptions = {}): Promise<{ billId: string; token: string; url: string }> {
    const billId = newId();
    const token = randomBytes(16).toString('base64url');
    const envelope = {
      eventId: newId(),
      type: 'billing.bill.created',
      version: 1,
      occurredAt: new Date().toISOString(),
      merchantId: options.merchantId ?? this.merchantId,
      correlationId: `test-${billId}`,
      payload: {
        billId,
        merchantBillNumber: `INV-${billId}`,
        amount: options.amount ?? 10800,
        currency: options.currency ?? 'JPY',
        dueDate: options.dueDate ?? '2099-12-31',
        allowedPaymentMethods: options.methods ?? ['card', 'konbini', 'wallet'],
        customerName: options.customerName ?? '山田 太郎',
        customerPhone: options.customerPhone,
        taxAmount: 982,
        lineItems: [
          { description: '水道料金 11月分', quantity: 1, unitAmount: 9800 },
          { description: '下水道使用料', quantity: 2, unitAmount: 500 },
        ],
        message: options.message === null ? undefined : (options.message ?? '毎月のご利用ありがとうございます。'),
        paymentLinkToken: token,
        paymentLinkExpiresAt: options.linkExpiresAt ?? '2099-12-31T14:59:59Z',
      },
    };
    await this.publish('billing.bill.created.v1', envelope);
    await pollUntil('the payment page of the bill', async () => (await this.pageRow(billId)) !== undefined);
    return { billId, token, url: `${this.payment.baseUrl}/p/${token}` };
  }

  async publish(topic: string, envelope: { merchantId: string; [field: string]: unknown }): Promise<void> {
    await this.namespace.kafka.send(this.namespace.topic(topic), [{ key: envelope.merchantId, value: JSON.stringify(envelope) }]);
  }

  /** Publishes a billing event that closes a bill (paid, expired, canceled). */
  async closeBill(billId: string, kind: 'paid' | 'expired' | 'canceled'): Promise<void> {
    const at = new Date().toISOString();
    const payloads = {
      paid: { billId, paymentId: newId(), paymentMethod: 'card', amount: 10800, currency: 'JPY', paidAt: at },
      expired: { billId, expiredAt: at },
      canceled: { billId, canceledAt: at, reason: 'test' },
    };
    await this.publish(`billing.bill.${kind}.v1`, {
      eventId: newId(),
      type: `billing.bill.${kind}`,
      version: 1,
      occurredAt: at,
      merchantId: this.merchantId,
      correlationId: `test-${billId}`,
      payload: payloads[kind],
    });
    await pollUntil(`the page to be ${kind}`, async () => (await this.pageRow(billId))?.status === kind);
  }

  async pageRow(billId: string): Promise<Record<string, unknown> | undefined> {
    return (await this.namespace.query(`SELECT * FROM "${this.namespace.schema('payment')}".payment_page WHERE bill_id = $1`, [billId]))[0];
  }

  async attempts(billId: string): Promise<Record<string, unknown>[]> {
    return this.namespace.query(`SELECT * FROM "${this.namespace.schema('payment')}".payment_attempt WHERE bill_id = $1 ORDER BY created_at`, [billId]);
  }

  /** Events payment-screen published (its outbox), of one type, mentioning the bill. */
  async events(type: string, billId: string): Promise<{ payload: Record<string, unknown> }[]> {
    const rows = await this.namespace.query<{ envelope: { payload: Record<string, unknown> } }>(
      `SELECT envelope FROM "${this.namespace.schema('payment')}".outbox_message WHERE envelope->>'type' = $1 AND envelope::text LIKE $2 ORDER BY created_at`,
      [type, `%${billId}%`],
    );
    return rows.map((row) => row.envelope);
  }

  /** The simulator's store terminal: the customer pays the slip at the till. */
  async payAtStore(konbiniPaymentId: string): Promise<void> {
    const response = await fetch(`${this.processor.baseUrl}/v1/konbini/payments/${konbiniPaymentId}/pay`, { method: 'POST' });
    if (response.status >= 300) throw new Error(`pay at store answered ${response.status}: ${await response.text()}`);
  }
}
