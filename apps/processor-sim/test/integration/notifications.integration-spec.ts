import { createServer, Server } from 'node:http';
import { PROCESSOR_SIGNATURE_HEADER, ProcessorWebhook, verifyProcessorSignature } from '@kessai/processor-contracts';
import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { ProcessorClient } from './support/processor-client';

const SECRET = 'notifications-test-secret';

/** The platform's webhook receiver: verifies signatures and can be told to fail. */
class WebhookReceiver {
  readonly received: ProcessorWebhook[] = [];
  failuresLeft = 0;
  badSignatures = 0;
  private server?: Server;

  async start(port: number): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const check = verifyProcessorSignature(SECRET, request.headers[PROCESSOR_SIGNATURE_HEADER] as string, body, Math.floor(Date.now() / 1000));
        if (!check.valid) this.badSignatures += 1;
        if (this.failuresLeft > 0) {
          this.failuresLeft -= 1;
          response.writeHead(500).end();
          return;
        }
        this.received.push(JSON.parse(body) as ProcessorWebhook);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  of(type: string, id: string): ProcessorWebhook[] {
    return this.received.filter((w) => w.type === type && JSON.stringify(w.data).includes(id));
  }
}

describe('processor-sim konbini, QR wallet and signed webhooks', () => {
  const namespace = new TestNamespace('processor-notifications');
  const receiver = new WebhookReceiver();
  let receiverPort: number;
  let servicePort: number;
  let service: ServiceProcess;
  let processor: ProcessorClient;

  const start = () =>
    new ServiceProcess(
      'processor-sim',
      servicePort,
      namespace.serviceEnvironment('processor', {
        PROCESSOR_SIGNING_SECRET: SECRET,
        PROCESSOR_WEBHOOK_URL: `http://127.0.0.1:${receiverPort}/webhooks/processor`,
        PROCESSOR_WEBHOOK_POLL_INTERVAL_MS: '50',
        PROCESSOR_WEBHOOK_RETRY_INITIAL_MS: '100',
        PROCESSOR_WEBHOOK_RETRY_MAX_MS: '400',
        PROCESSOR_KONBINI_EXPIRY_INTERVAL_MS: '100',
      }),
    ).start();

  beforeAll(async () => {
    receiverPort = await freePort();
    servicePort = await freePort();
    await receiver.start(receiverPort);
    service = start();
    await service.waitUntilReady();
    processor = new ProcessorClient(service.baseUrl);
  });

  afterAll(async () => {
    await service.stop('SIGKILL');
    await receiver.stop();
    await namespace.cleanUp();
  });

  const slip = async (deadline: string, key: string) =>
    (await (await processor.post('/v1/konbini/payments', { merchantId: 'm-konbini', amount: 2980, currency: 'JPY', chain: 'lawson', deadline, idempotencyKey: key })).json()) as {
      paymentId: string;
      receiptNumber: string;
      confirmationNumber: string;
      status: string;
    };

  it('issues a konbini slip, takes the payment at the store once and notifies konbini.paid with a valid signature', async () => {
    const issued = await slip(new Date(Date.now() + 86_400_000).toISOString(), 'k-1');
    expect(issued).toMatchObject({ status: 'awaiting_payment', receiptNumber: expect.stringMatching(/^\d{11}$/), confirmationNumber: expect.stringMatching(/^\d{6}$/) });
    const paid = await processor.post(`/v1/konbini/payments/${issued.paymentId}/pay`, {});
    expect(await paid.json()).toMatchObject({ status: 'paid' });
    const again = await processor.post(`/v1/konbini/payments/${issued.paymentId}/pay`, {});
    expect(await again.json()).toMatchObject({ error: { code: 'PROCESSOR_KONBINI_PAYMENT_NOT_ALLOWED' } });
    await pollUntil('konbini.paid delivered', async () => receiver.of('konbini.paid', issued.paymentId).length === 1);
    expect(receiver.of('konbini.paid', issued.paymentId)[0]).toMatchObject({ merchantId: 'm-konbini', data: { amount: 2980, chain: 'lawson' } });
    expect(receiver.badSignatures).toBe(0);
  });

  it('expires an unpaid slip after its deadline, notifies it and refuses payment at the store', async () => {
    const issued = await slip(new Date(Date.now() + 1500).toISOString(), 'k-2');
    await pollUntil('konbini.expired delivered', async () => receiver.of('konbini.expired', issued.paymentId).length === 1, { timeoutMs: 15_000 });
    const late = await processor.post(`/v1/konbini/payments/${issued.paymentId}/pay`, {});
    expect(late.status).toBe(422);
    expect(await late.json()).toMatchObject({ error: { code: 'PROCESSOR_KONBINI_PAYMENT_EXPIRED' } });
  });

  it('sends the customer to the wallet page, redirects back after approval or cancel and notifies each', async () => {
    const start = async (key: string) =>
      (await (await processor.post('/v1/wallet/payments', { merchantId: 'm-wallet', amount: 500, currency: 'JPY', returnUrl: 'https://shop.example/back?order=7', idempotencyKey: key })).json()) as {
        paymentId: string;
        redirectUrl: string;
      };
    const approved = await start('w-1');
    expect(await (await fetch(approved.redirectUrl)).text()).toContain('Approve');
    const redirect = await fetch(approved.redirectUrl, { method: 'POST', redirect: 'manual' });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe(`https://shop.example/back?order=7&paymentId=${approved.paymentId}&status=approved`);
    const canceled = await start('w-2');
    await fetch(canceled.redirectUrl.replace(/approve$/, 'cancel'), { method: 'POST', redirect: 'manual' });
    const twice = await fetch(canceled.redirectUrl, { method: 'POST', redirect: 'manual' });
    expect(await twice.json()).toMatchObject({ error: { code: 'PROCESSOR_WALLET_PAYMENT_NOT_ALLOWED' } });
    await pollUntil('wallet webhooks delivered', async () => receiver.of('wallet.approved', approved.paymentId).length === 1 && receiver.of('wallet.canceled', canceled.paymentId).length === 1);
  });

  it('retries a refused webhook with backoff until acknowledged, and keeps it across a restart', async () => {
    receiver.failuresLeft = 3;
    const first = await slip(new Date(Date.now() + 86_400_000).toISOString(), 'k-3');
    await processor.post(`/v1/konbini/payments/${first.paymentId}/pay`, {});
    await pollUntil('retried webhook delivered', async () => receiver.of('konbini.paid', first.paymentId).length === 1, { timeoutMs: 15_000 });
    const [row] = await namespace.query<{ attempts: number }>(`SELECT attempts FROM "${namespace.schema('processor')}".pending_webhook WHERE body LIKE $1`, [`%${first.paymentId}%`]);
    expect(row.attempts).toBe(4);

    // The receiver is down while the result happens and the simulator crashes; after a restart it still delivers.
    await receiver.stop();
    const second = await slip(new Date(Date.now() + 86_400_000).toISOString(), 'k-4');
    await processor.post(`/v1/konbini/payments/${second.paymentId}/pay`, {});
    await service.stop('SIGKILL');
    await receiver.start(receiverPort);
    service = start();
    await service.waitUntilReady();
    await pollUntil('webhook delivered after restart', async () => receiver.of('konbini.paid', second.paymentId).length === 1, { timeoutMs: 15_000 });
  });
});
