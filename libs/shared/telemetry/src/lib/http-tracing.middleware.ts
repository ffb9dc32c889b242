import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { newId } from '@kessai/shared-ids';
import { runWithRequestContext } from '@kessai/shared-context';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { contextFromHeaders } from './tracing';

const SAFE_ID = /^[\w.:-]{1,128}$/;

type Next = (error?: unknown) => void;
type TracedRequest = IncomingMessage & { id?: string; originalUrl?: string };

/**
 * Opens a server span for each HTTP request (continuing the caller's `traceparent`) and the request context
 * (request id, correlation id) that logs and outgoing events carry. The ids are echoed in response headers.
 */
export function httpTracingMiddleware(serviceName: string) {
  return (req: TracedRequest, res: ServerResponse, next: Next): void => {
    const { requestId, correlationId } = requestIdsOf(req.headers);
    req.id = requestId;
    res.setHeader('x-request-id', requestId);
    res.setHeader('x-correlation-id', correlationId);

    const path = (req.originalUrl ?? req.url ?? '/').split('?')[0];
    const parent = contextFromHeaders(req.headers);
    const span = trace.getTracer(serviceName).startSpan(
      `${req.method} ${path}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? '', 'url.path': path } },
      parent,
    );
    res.on('finish', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), () =>
      runWithRequestContext({ requestId, correlationId, causationId: requestId }, () => next()),
    );
  };
}

/**
 * The request id (the caller's `x-request-id` when it is a safe token, else a new one) and the correlation id
 * (the caller's, else the request id) of an incoming request.
 */
export function requestIdsOf(headers: IncomingHttpHeaders): { requestId: string; correlationId: string } {
  const requestId = pickId(headers['x-request-id']) ?? newId();
  return { requestId, correlationId: pickId(headers['x-correlation-id']) ?? requestId };
}

function pickId(value: string | string[] | undefined): string | undefined {
  const id = Array.isArray(value) ? value[0] : value;
  return id && SAFE_ID.test(id) ? id : undefined;
}
