import { Inject, Injectable, Logger } from '@nestjs/common';
import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { PinoLogger } from 'nestjs-pino';
import type pino from 'pino';
import { runWithRequestContext } from '@kessai/shared-context';
import { contextFromTraceHeaders, requestIdsOf, traceHeaders } from '@kessai/shared-telemetry';
import { ApiKeyAuthenticator, AuthenticatedMerchant } from '@kessai/throttle-feature-api-keys';
import { FlowTicket, MerchantFlowControl } from '@kessai/throttle-feature-flow-control';
import { IdempotencyStore, StoredResponse } from '@kessai/throttle-feature-idempotency';
import type { FlowRejectionReason, ThrottleErrorCode } from '@kessai/throttle-domain';
import { RejectionResponses, writeGatewayError } from './gateway-response';
import { MatchedRoute, MERCHANT_SERVICES, RouteTable } from './merchant-routes';
import { PROXY_OPTIONS, ProxyOptions } from './proxy.options';
import { BodyTooLargeError, paymentMethodsIn, readRequestBody } from './request-body';
import { UpstreamPools } from './upstream-pools';

/** Never forwarded: hop-by-hop headers, the caller's credentials, and every `x-kessai-*` a client may forge. */
const DROPPED_REQUEST_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host', 'authorization', 'content-length', 'idempotency-key', 'traceparent', 'tracestate', 'x-request-id', 'x-correlation-id']);
const DROPPED_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'x-request-id', 'x-correlation-id']);
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const EMPTY: Buffer = Buffer.alloc(0);

/** One merchant API request as the listener sees it: ids, arrival time, the matched route. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: string;
  matched: MatchedRoute;
  requestId: string;
  correlationId: string;
  arrivedAt: number;
}

interface Claim {
  key: string;
  token: string;
  bodyHash: string;
}

/**
 * The merchant API's pipeline, in front of Nest (see `frontListener` in the service runtime), for every route of
 * the route table: API key → body → idempotency → flow control → proxy (undici) → release. Everything else
 * (health, metrics, admin, OpenAPI, unknown paths) goes on to Nest. A rejection costs an API-key cache hit, one
 * Redis round trip and a preformatted answer: no Express, no body parsing, no span, no log line above debug.
 * An admitted request gets a server span (the trace continues downstream) and an access log line.
 */
@Injectable()
export class MerchantApiListener {
  private readonly routes = new RouteTable(MERCHANT_SERVICES);
  private readonly logger = new Logger('MerchantApi');
  private readonly tracer = trace.getTracer('throttle-gateway');
  private readonly rejections = new RejectionResponses();
  private accessLog?: pino.Logger;

  constructor(
    private readonly authenticator: ApiKeyAuthenticator,
    private readonly flowControl: MerchantFlowControl,
    private readonly idempotency: IdempotencyStore,
    private readonly pools: UpstreamPools,
    @Inject(PROXY_OPTIONS) private readonly options: ProxyOptions,
  ) {}

  /** Takes a merchant API request and returns true; returns false for any other request. */
  readonly listen = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const matched = this.routes.match(req.method ?? 'GET', query === -1 ? url : url.slice(0, query));
    if (!matched) return false;
    const { requestId, correlationId } = requestIdsOf(req.headers);
    const exchange: Exchange = { req, res, url, matched, requestId, correlationId, arrivedAt: Date.now() };
    this.handle(exchange).catch((error: Error) => {
      this.logger.error(`gateway failure on request ${requestId}: ${error.stack ?? error.message}`);
      this.fail(exchange, 'THROTTLE_UPSTREAM_UNAVAILABLE', 'The service could not be reached. Retry later.');
    });
    return true;
  };

  private async handle(exchange: Exchange): Promise<void> {
    const { req, matched: { route }, url } = exchange;
    const merchant = await this.authenticator.authenticate(bearer(req.headers.authorization));
    if (!merchant) {
      req.resume();
      return this.fail(exchange, 'THROTTLE_API_KEY_UNAUTHORIZED', 'Send a valid API key: Authorization: Bearer kes_test_… or kes_live_…', 'authorization');
    }
    if (route.streamed) return this.admitAndForward(exchange, merchant, EMPTY, undefined);
    let body: Buffer = EMPTY;
    if (route.method !== 'GET' && route.method !== 'DELETE') {
      try {
        body = await readRequestBody(req, this.options.maxRequestBodyBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        exchange.res.setHeader('connection', 'close');
        return this.fail(exchange, 'THROTTLE_REQUEST_BODY_INVALID', `The body is larger than ${this.options.maxRequestBodyBytes} bytes`);
      }
    }

    const idempotencyKey = route.method === 'POST' ? header(req.headers, 'idempotency-key') : undefined;
    let claim: Claim | undefined;
    if (idempotencyKey !== undefined) {
      if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
        return this.fail(exchange, 'THROTTLE_IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1 to 255 printable ASCII characters', 'Idempotency-Key');
      }
      const bodyHash = IdempotencyStore.bodyHash(route.method, url, body);
      const result = await this.idempotency.claim(merchant.merchantId, idempotencyKey, bodyHash);
      switch (result.kind) {
        case 'replay':
          return this.replay(exchange, result.response);
        case 'body-mismatch':
          return this.fail(exchange, 'THROTTLE_IDEMPOTENCY_KEY_REUSED_INVALID', 'This Idempotency-Key was used with another request body: use a new key for a new request', 'Idempotency-Key');
        case 'in-progress':
          return this.fail(exchange, 'THROTTLE_IDEMPOTENT_REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is in progress: retry after it finished', 'Idempotency-Key', { 'retry-after': '1' });
        case 'claimed':
          claim = { key: idempotencyKey, token: result.token, bodyHash };
          break;
        case 'unavailable':
          break;
      }
    }

    return this.admitAndForward(exchange, merchant, body, claim);
  }

  private async admitAndForward(exchange: Exchange, merchant: AuthenticatedMerchant, body: Buffer, claim: Claim | undefined): Promise<void> {
    const { req, matched: { route } } = exchange;
    const admission = await this.flowControl.admit(merchant.merchantId, () => paymentMethodsIn(body, route.paymentMethodsField), route.submission === true);
    if (!admission.admitted) {
      if (claim) await this.idempotency.abandon(merchant.merchantId, claim.key, claim.token);
      if (route.streamed) {
        exchange.res.setHeader('connection', 'close');
        req.resume();
      }
      return this.reject(exchange, merchant.merchantId, admission.reason, admission.retryAfterSeconds);
    }
    const span = this.tracer.startSpan(
      `${req.method} ${route.path}`,
      { kind: SpanKind.SERVER, startTime: exchange.arrivedAt, attributes: { 'http.request.method': route.method, 'http.route': route.path, 'kessai.merchant_id': merchant.merchantId } },
      contextFromTraceHeaders(req.headers),
    );
    await runWithRequestContext({ requestId: exchange.requestId, correlationId: exchange.correlationId, causationId: exchange.requestId }, () =>
      this.forward(exchange, span, body, merchant, admission.ticket, claim),
    );
  }

  private async forward(exchange: Exchange, span: Span, body: Buffer, merchant: AuthenticatedMerchant, ticket: FlowTicket, idempotent: Claim | undefined): Promise<void> {
    const { req, res, url, matched: { service, route } } = exchange;
    // The idempotency record is settled before the client sees the answer: a retry sent right after it replays.
    let settled = idempotent === undefined;
    try {
      const upstream = await this.pools.of(service).request({
        path: url,
        method: req.method as 'GET',
        headers: this.upstreamHeaders(exchange, span, merchant),
        body: route.streamed ? req : body.length > 0 ? body : undefined,
        headersTimeout: route.streamed ? this.options.uploadTimeoutMs : this.options.upstreamTimeoutMs,
        bodyTimeout: route.streamed ? this.options.uploadTimeoutMs : this.options.upstreamTimeoutMs,
      });
      const headers: Record<string, string | string[]> = { 'x-request-id': exchange.requestId, 'x-correlation-id': exchange.correlationId };
      for (const name in upstream.headers) {
        const value = upstream.headers[name];
        if (value !== undefined && !DROPPED_RESPONSE_HEADERS.has(name)) headers[name] = value;
      }
      span.setAttribute('http.response.status_code', upstream.statusCode);
      if (upstream.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      if (idempotent) {
        const responseBody = Buffer.from(await upstream.body.arrayBuffer());
        if (upstream.statusCode < 500) {
          const stored: StoredResponse = { status: upstream.statusCode, contentType: headers['content-type'] as string | undefined, body: responseBody.toString('base64') };
          await this.idempotency.complete(merchant.merchantId, idempotent.key, idempotent.token, idempotent.bodyHash, stored);
        } else {
          await this.idempotency.abandon(merchant.merchantId, idempotent.key, idempotent.token);
        }
        settled = true;
        res.writeHead(upstream.statusCode, headers);
        res.end(responseBody);
      } else {
        res.writeHead(upstream.statusCode, headers);
        await relay(upstream.body, res);
      }
      this.logAccess(exchange, res.statusCode, merchant.merchantId);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      this.logger.warn(`${service} did not answer ${req.method} ${exchange.matched.route.path} (request ${exchange.requestId}): ${(error as Error).message}`);
      if (idempotent && !settled) await this.idempotency.abandon(merchant.merchantId, idempotent.key, idempotent.token);
      this.fail(exchange, 'THROTTLE_UPSTREAM_UNAVAILABLE', `${service} did not answer in time. Retry later (with the same Idempotency-Key).`);
    } finally {
      span.end();
      await ticket.finish();
    }
  }

  private upstreamHeaders({ req, requestId, correlationId, matched }: Exchange, span: Span, merchant: AuthenticatedMerchant): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const name in req.headers) {
      const value = req.headers[name];
      if (value === undefined || DROPPED_REQUEST_HEADERS.has(name) || name.startsWith('x-kessai-')) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    // A streamed upload goes on as it came: its length, and its Idempotency-Key for the service to check.
    if (matched.route.streamed) {
      for (const name of ['content-length', 'idempotency-key']) {
        const value = header(req.headers, name);
        if (value !== undefined) headers[name] = value;
      }
    }
    headers['x-kessai-merchant-id'] = merchant.merchantId;
    headers['x-kessai-key-mode'] = merchant.mode;
    headers['x-request-id'] = requestId;
    headers['x-correlation-id'] = correlationId;
    return Object.assign(headers, traceHeaders(trace.setSpan(contextFromTraceHeaders(req.headers), span)));
  }

  private reject(exchange: Exchange, merchantId: string, reason: FlowRejectionReason, retryAfterSeconds: number): void {
    this.rejections.write(exchange.res, reason, retryAfterSeconds, exchange.requestId, exchange.correlationId);
    const log = this.log();
    if (log.isLevelEnabled('debug')) log.debug({ requestId: exchange.requestId, merchantId, reason, url: exchange.url }, 'request rejected by flow control');
  }

  private fail(exchange: Exchange, code: ThrottleErrorCode, message: string, field?: string, headers: Record<string, string> = {}): void {
    writeGatewayError(exchange.res, exchange.requestId, code, message, field, { ...headers, 'x-request-id': exchange.requestId, 'x-correlation-id': exchange.correlationId });
    this.logAccess(exchange, exchange.res.statusCode);
  }

  private replay(exchange: Exchange, response: StoredResponse): void {
    const body = Buffer.from(response.body, 'base64');
    exchange.res.writeHead(response.status, {
      ...(response.contentType && { 'content-type': response.contentType }),
      'content-length': body.length,
      'idempotent-replayed': 'true',
      'x-request-id': exchange.requestId,
      'x-correlation-id': exchange.correlationId,
    });
    exchange.res.end(body);
    this.logAccess(exchange, response.status);
  }

  /** The access log line pino-http writes for the routes Nest serves, for a merchant request. */
  private logAccess(exchange: Exchange, statusCode: number, merchantId?: string): void {
    const log = this.log();
    if (!log.isLevelEnabled('info')) return;
    log.info(
      {
        requestId: exchange.requestId,
        correlationId: exchange.correlationId,
        merchantId,
        req: { id: exchange.requestId, method: exchange.req.method, url: exchange.url },
        res: { statusCode },
        responseTime: Date.now() - exchange.arrivedAt,
      },
      'request completed',
    );
  }

  private log(): pino.Logger {
    // `res` is already the plain { statusCode } pino-http writes, not a ServerResponse to serialize.
    this.accessLog ??= PinoLogger.root.child({ context: 'MerchantApi' }, { serializers: { res: (res: unknown) => res } });
    return this.accessLog;
  }
}

/**
 * Streams the upstream's body to the client. Not stream.pipeline: it makes an AbortController per call and
 * aborts it when done, and the AbortError (a DOMException with a stack) was a visible share of an admitted
 * request's CPU time.
 */
function relay(body: Readable, res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => {
    body.once('error', (error) => {
      res.destroy(error);
      reject(error);
    });
    res.once('close', () => {
      if (!res.writableFinished) body.destroy();
      resolve();
    });
    body.pipe(res);
  });
}

function bearer(authorization: string | undefined): string | undefined {
  return authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
