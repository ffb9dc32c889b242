export {
  startTelemetry,
  stopTelemetry,
  recordedSpans,
  traceHeaders,
  currentTraceparent,
  contextFromHeaders,
  currentTraceIds,
  inSpan,
  SpanKind,
  type TelemetryOptions,
  type TracesExporter,
} from './lib/tracing';
export { httpTracingMiddleware } from './lib/http-tracing.middleware';
