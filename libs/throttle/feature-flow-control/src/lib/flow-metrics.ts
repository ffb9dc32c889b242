import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { ObservableResult } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FlowRejectionReason } from '@kessai/throttle-domain';

/** Share of a limit from which a decision counts as near the limit. */
export const NEAR_LIMIT = 0.8;

type Attributes = Record<string, string>;

/**
 * Counts per label set kept in plain maps and read by the exporter at scrape time (observable instruments):
 * a request costs a string key and a map update, not the SDK's attribute hashing on every add.
 */
class LabelledCounts {
  private readonly counts = new Map<string, { attributes: Attributes; value: number }>();

  add(key: string, attributes: () => Attributes, delta: number): void {
    const entry = this.counts.get(key);
    if (entry) entry.value += delta;
    else this.counts.set(key, { attributes: attributes(), value: delta });
  }

  observe(result: ObservableResult): void {
    for (const { attributes, value } of this.counts.values()) result.observe(value, attributes);
  }
}

/**
 * Flow-control metrics per merchant and payment method (`*` for the merchant as a whole), as OpenTelemetry
 * instruments read by a Prometheus exporter that serves them on GET /metrics.
 */
@Injectable()
export class FlowMetrics implements OnApplicationShutdown {
  private readonly exporter = new PrometheusExporter({ preventServerStart: true, withoutScopeInfo: true });
  private readonly provider = new MeterProvider({
    readers: [this.exporter],
    resource: resourceFromAttributes({ 'service.name': 'throttle-gateway' }),
  });
  private readonly admitted = new LabelledCounts();
  private readonly rejected = new LabelledCounts();
  private readonly shadowRejected = new LabelledCounts();
  private readonly nearLimit = new LabelledCounts();
  private readonly inFlight = new LabelledCounts();

  constructor() {
    const meter = this.provider.getMeter('throttle-gateway');
    const counters: [string, string, LabelledCounts][] = [
      ['throttle_admitted', 'Requests admitted by flow control', this.admitted],
      ['throttle_rejected', 'Requests rejected by flow control, by reason', this.rejected],
      ['throttle_shadow_rejected', 'Requests a shadow-mode rule would have rejected', this.shadowRejected],
      ['throttle_near_limit', 'Admissions at 80% or more of a limit', this.nearLimit],
    ];
    for (const [name, description, counts] of counters) {
      meter.createObservableCounter(name, { description }).addCallback((result) => counts.observe(result));
    }
    meter
      .createObservableUpDownCounter('throttle_in_flight', { description: 'Admitted requests not finished yet (this instance)' })
      .addCallback((result) => this.inFlight.observe(result));
  }

  recordAdmitted(merchant: string, paymentMethod: string, nearLimit: 'rate' | 'concurrency' | undefined): void {
    const key = `${merchant}\n${paymentMethod}`;
    const attributes = () => ({ merchant, payment_method: paymentMethod });
    this.admitted.add(key, attributes, 1);
    this.inFlight.add(key, attributes, 1);
    if (nearLimit) this.nearLimit.add(`${key}\n${nearLimit}`, () => ({ merchant, payment_method: paymentMethod, limit: nearLimit }), 1);
  }

  recordFinished(merchant: string, paymentMethod: string): void {
    this.inFlight.add(`${merchant}\n${paymentMethod}`, () => ({ merchant, payment_method: paymentMethod }), -1);
  }

  recordRejected(merchant: string, paymentMethod: string, reason: FlowRejectionReason): void {
    this.rejected.add(`${merchant}\n${paymentMethod}\n${reason}`, () => ({ merchant, payment_method: paymentMethod, reason }), 1);
  }

  recordShadowRejected(merchant: string, paymentMethod: string, limit: string): void {
    this.shadowRejected.add(`${merchant}\n${paymentMethod}\n${limit}`, () => ({ merchant, payment_method: paymentMethod, limit }), 1);
  }

  serve(request: IncomingMessage, response: ServerResponse): void {
    this.exporter.getMetricsRequestHandler(request, response);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.provider.shutdown().catch(() => undefined);
  }
}
