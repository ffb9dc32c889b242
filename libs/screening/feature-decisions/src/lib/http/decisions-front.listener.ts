import { Inject, Injectable, Logger } from '@nestjs/common';
import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runWithRequestContext } from '@kessai/shared-context';
import { CodedError } from '@kessai/shared-errors';
import {
  ApiErrorBody,
  authenticatedMerchantOf,
  BodyTooLargeError,
  FrontAccessLog,
  MERCHANT_UNAUTHENTICATED,
  readBody,
  sendError,
  sendJson,
  statusForCode,
} from '@kessai/shared-service-runtime';
import { contextFromTraceHeaders, requestIdsOf } from '@kessai/shared-telemetry';
import { DecidePaymentHandler } from '../commands/decide-payment/decide-payment.handler';
import { decidePaymentRequest } from '../commands/decide-payment/decide-payment.request';
import { DecidePaymentsInBulkHandler } from '../commands/decide-payments-in-bulk/decide-payments-in-bulk.handler';
import { decidePaymentsInBulkRequest } from '../commands/decide-payments-in-bulk/decide-payments-in-bulk.request';
import { SCREENING_OPTIONS, ScreeningOptions } from '../screening.options';

interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  route: '/decisions' | '/decisions/bulk';
  requestId: string;
  correlationId: string;
  arrivedAt: number;
  merchantId?: string;
}

/**
 * POST /decisions and POST /decisions/bulk, in front of Nest (the service's `frontListener`): once the rules take
 * tens of microseconds, Express, Nest routing, pino-http and the exception filter were most of a decision's CPU
 * time. Same validation (class-validator, whitelist, one error format), a server span per request and the same
 * access log line; every other route (GET /decisions/:id, operators' API, health) goes on to Nest.
 */
@Injectable()
export class DecisionsFrontListener {
  private readonly logger = new Logger('DecisionsApi');
  private readonly accessLog = new FrontAccessLog('DecisionsApi');
  private readonly tracer = trace.getTracer('credit-screening');

  constructor(
    private readonly decide: DecidePaymentHandler,
    private readonly decideInBulk: DecidePaymentsInBulkHandler,
    @Inject(SCREENING_OPTIONS) private readonly options: ScreeningOptions,
  ) {}

  readonly listen = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST') return false;
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    if (path !== '/decisions' && path !== '/decisions/bulk') return false;
    const { requestId, correlationId } = requestIdsOf(req.headers);
    const exchange: Exchange = { req, res, route: path, requestId, correlationId, arrivedAt: Date.now() };
    const span = this.tracer.startSpan(
      `POST ${path}`,
      { kind: SpanKind.SERVER, startTime: exchange.arrivedAt, attributes: { 'http.request.method': 'POST', 'http.route': path } },
      contextFromTraceHeaders(req.headers),
    );
    runWithRequestContext({ requestId, correlationId, causationId: requestId }, () =>
      this.handle(exchange, span)
        .catch((error: unknown) => this.fail(exchange, error))
        .finally(() => {
          span.setAttribute('http.response.status_code', res.statusCode);
          if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
          this.accessLog.write({ ...exchange, method: 'POST', url, statusCode: res.statusCode });
        }),
    );
    return true;
  };

  private async handle(exchange: Exchange, span: Span): Promise<void> {
    const { req, res } = exchange;
    const merchantId = authenticatedMerchantOf(req.headers);
    if (!merchantId) {
      req.resume();
      return sendError(res, 401, structuredClone(MERCHANT_UNAUTHENTICATED), exchange.requestId, exchange.correlationId);
    }
    exchange.merchantId = merchantId;
    span.setAttribute('kessai.merchant_id', merchantId);
    const body = await readBody(req, this.options.maxRequestBodyBytes);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch (error) {
      return sendError(res, 400, { error: { code: 'BAD_REQUEST', message: `The body is not valid JSON: ${(error as Error).message}` } }, exchange.requestId, exchange.correlationId);
    }
    if (exchange.route === '/decisions') {
      const request = decidePaymentRequest(parsed);
      if (!request.ok) return sendError(res, 422, request.error, exchange.requestId, exchange.correlationId);
      const decision = await this.decide.execute({ merchantId, request: request.value });
      return sendJson(res, 200, JSON.stringify(decision), exchange.requestId, exchange.correlationId);
    }
    const requests = decidePaymentsInBulkRequest(parsed);
    if (!requests.ok) return sendError(res, 422, requests.error, exchange.requestId, exchange.correlationId);
    span.setAttribute('kessai.screening.bulk_size', requests.value.length);
    const results = await this.decideInBulk.execute({ merchantId, requests: requests.value });
    sendJson(res, 200, JSON.stringify({ results }), exchange.requestId, exchange.correlationId);
  }

  private fail(exchange: Exchange, error: unknown): void {
    const { res, requestId, correlationId } = exchange;
    if (error instanceof BodyTooLargeError) {
      res.setHeader('connection', 'close');
      return sendError(res, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: error.message } }, requestId, correlationId);
    }
    if (error instanceof CodedError) {
      const body: ApiErrorBody = { error: { code: error.code, message: error.message, ...(error.field && { field: error.field }) } };
      return sendError(res, statusForCode(error.code), body, requestId, correlationId);
    }
    this.logger.error(`decision failed (request ${requestId}): ${error instanceof Error ? error.stack : String(error)}`);
    sendError(res, 500, { error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. Quote the request id to support.' } }, requestId, correlationId);
  }
}
