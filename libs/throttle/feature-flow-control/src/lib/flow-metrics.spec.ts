import type { IncomingMessage, ServerResponse } from 'node:http';
import { FlowMetrics } from './flow-metrics';

async function scrape(metrics: FlowMetrics): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const response = {
      statusCode: 200,
      setHeader: () => undefined,
      writeHead: () => response,
      end: (body?: string) => resolve(text + (body ?? '')),
      write: (chunk: string) => (text += chunk),
    };
    metrics.serve({ url: '/metrics', headers: {} } as IncomingMessage, response as unknown as ServerResponse);
  });
}

describe('FlowMetrics', () => {
  const metrics = new FlowMetrics();
  afterAll(() => metrics.onApplicationShutdown());

  it('counts admissions, rejections by reason, near-limit admissions and requests in flight per merchant and payment method', async () => {
    metrics.recordAdmitted('m-1', '*', undefined);
    metrics.recordAdmitted('m-1', '*', 'concurrency');
    metrics.recordAdmitted('m-1', 'konbini', undefined);
    metrics.recordFinished('m-1', '*');
    for (let i = 0; i < 3; i += 1) metrics.recordRejected('m-2', '*', 'merchant-rate');
    metrics.recordRejected('m-2', 'card', 'payment-method-concurrency');
    metrics.recordShadowRejected('m-3', '*', 'rate');

    const text = await scrape(metrics);
    expect(text).toContain('throttle_admitted_total{merchant="m-1",payment_method="*"} 2');
    expect(text).toContain('throttle_admitted_total{merchant="m-1",payment_method="konbini"} 1');
    expect(text).toContain('throttle_near_limit_total{merchant="m-1",payment_method="*",limit="concurrency"} 1');
    expect(text).toContain('throttle_in_flight{merchant="m-1",payment_method="*"} 1');
    expect(text).toContain('throttle_rejected_total{merchant="m-2",payment_method="*",reason="merchant-rate"} 3');
    expect(text).toContain('throttle_rejected_total{merchant="m-2",payment_method="card",reason="payment-method-concurrency"} 1');
    expect(text).toContain('throttle_shadow_rejected_total{merchant="m-3",payment_method="*",limit="rate"} 1');
  });
});
