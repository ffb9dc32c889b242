import { context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace, Context } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export type TracesExporter = 'none' | 'console' | 'otlp' | 'memory';

export interface TelemetryOptions {
  serviceName: string;
  exporter: TracesExporter;
  otlpEndpoint?: string;
}

let provider: NodeTracerProvider | undefined;
let memoryExporter: InMemorySpanExporter | undefined;

/**
 * Sets up tracing once per process: W3C trace context propagation, an AsyncLocalStorage context manager and
 * the chosen exporter. Later calls (several services started in one test process) reuse the first set-up.
 */
export function startTelemetry(options: TelemetryOptions): void {
  if (provider) return;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors: spanProcessorsFor(options),
  });
  provider.register();
}

export async function stopTelemetry(): Promise<void> {
  await provider?.forceFlush();
}

/** Spans recorded so far when the exporter is `memory` (tests read them). */
export function recordedSpans() {
  return memoryExporter?.getFinishedSpans() ?? [];
}

function spanProcessorsFor(options: TelemetryOptions): SpanProcessor[] {
  switch (options.exporter) {
    case 'none':
      return [];
    case 'console':
      return [new SimpleSpanProcessor(new ConsoleSpanExporter())];
    case 'memory':
      memoryExporter = new InMemorySpanExporter();
      return [new SimpleSpanProcessor(memoryExporter)];
    case 'otlp':
      return [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint}/v1/traces` }))];
  }
}

/** Headers carrying the active trace (`traceparent`, `tracestate`), for a Kafka message or an outbound call. */
export function traceHeaders(from: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(from, carrier);
  return carrier;
}

export function currentTraceparent(): string | undefined {
  return traceHeaders().traceparent;
}

/** The context a set of incoming headers continues; the root context when they carry none. */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): Context {
  const carrier: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) carrier[name.toLowerCase()] = Array.isArray(value) ? value[0] : value;
  }
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/**
 * The context a request's `traceparent`/`tracestate` continue, reading only those two headers (a hot path
 * need not copy every header as contextFromHeaders does).
 */
export function contextFromTraceHeaders(headers: Record<string, string | string[] | undefined>): Context {
  const traceparent = headers.traceparent;
  if (traceparent === undefined) return ROOT_CONTEXT;
  const tracestate = headers.tracestate;
  return propagation.extract(ROOT_CONTEXT, {
    traceparent: Array.isArray(traceparent) ? traceparent[0] : traceparent,
    ...(tracestate !== undefined && { tracestate: Array.isArray(tracestate) ? tracestate[0] : tracestate }),
  });
}

export function currentTraceIds(): { traceId: string; spanId: string } | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext)
    ? { traceId: spanContext.traceId, spanId: spanContext.spanId }
    : undefined;
}

/** Runs work in a new span, child of `parent`, ending it (and recording a failure) when the work settles. */
export async function inSpan<T>(
  tracerName: string,
  name: string,
  options: { kind: SpanKind; parent?: Context; attributes?: Record<string, string | number | boolean> },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = trace.getTracer(tracerName).startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

export { SpanKind };
