import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Counter, UpDownCounter } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FlowRejectionReason } from '@kessai/throttle-domain';

/** Share of a limit from which a decision counts as near the limit. */
export const NEAR_LIMIT = 0.8;

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
  private readonly admitted: Counter;
  private readonly rejected: Counter;
  private readonly shadowRejected: Counter;
  private readonly nearLimit: Counter;
  private readonly inFlight: UpDownCounter;

  constructor() {
    const meter = this.provider.getMeter('throttle-gateway');
    this.admitted = meter.createCounter('throttle_admitted', { description: 'Requests admitted by flow control' });
    this.rejected = meter.createCounter('throttle_rejected', { description: 'Requests rejected by flow control, by reason' });
    this.shadowRejected = meter.createCounter('throttle_shadow_rejected', { description: 'Requests a shadow-mode rule would have rejected' });
    this.nearLimit = meter.createCounter('throttle_near_limit', { description: 'Admissions at 80% or more of a limit' });
    this.inFlight = meter.createUpDownCounter('throttle_in_flight', { description: 'Admitted requests not finished yet (this instance)' });
  }

  recordAdmitted(merchant: string, paymentMethod: string, nearLimit: 'rate' | 'concurrency' | undefined): void {
    this.admitted.add(1, { merchant, payment_method: paymentMethod });
    this.inFlight.add(1, { merchant, payment_method: paymentMethod });
    if (nearLimit) this.nearLimit.add(1, { merchant, payment_method: paymentMethod, limit: nearLimit });
  }

  recordFinished(merchant: string, paymentMethod: string): void {
    this.inFlight.add(-1, { merchant, payment_method: paymentMethod });
  }

  recordRejected(merchant: string, paymentMethod: string, reason: FlowRejectionReason): void {
    this.rejected.add(1, { merchant, payment_method: paymentMethod, reason });
  }

  recordShadowRejected(merchant: string, paymentMethod: string, limit: string): void {
    this.shadowRejected.add(1, { merchant, payment_method: paymentMethod, limit });
  }

  serve(request: IncomingMessage, response: ServerResponse): void {
    this.exporter.getMetricsRequestHandler(request, response);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.provider.shutdown().catch(() => undefined);
  }
}
