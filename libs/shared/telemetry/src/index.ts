export {
  startTelemetry,
  stopTelemetry,
  recordedSpans,
  traceHeaders,
  currentTraceparent,
  contextFromHeaders,
  contextFromTraceHeaders,
  currentTraceIds,
  inSpan,
  SpanKind,
  type TelemetryOptions,
  type TracesExporter,
} from './lib/tracing';
export { httpTracingMiddleware, requestIdsOf } from './lib/http-tracing.middleware';
