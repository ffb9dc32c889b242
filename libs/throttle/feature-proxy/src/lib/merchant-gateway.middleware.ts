import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { traceHeaders } from '@kessai/shared-telemetry';
import { ApiKeyAuthenticator, AuthenticatedMerchant } from '@kessai/throttle-feature-api-keys';
import { FlowTicket, MerchantFlowControl } from '@kessai/throttle-feature-flow-control';
import { IdempotencyStore, StoredResponse } from '@kessai/throttle-feature-idempotency';
import { writeGatewayError } from './gateway-response';
import { MatchedRoute, MERCHANT_SERVICES, RouteTable } from './merchant-routes';
import { PROXY_OPTIONS, ProxyOptions } from './proxy.options';
import { BodyTooLargeError, paymentMethodsIn, readRequestBody } from './request-body';
import { UpstreamPools } from './upstream-pools';

type GatewayRequest = IncomingMessage & { id?: string; originalUrl?: string };

/** Never forwarded: hop-by-hop headers, the caller's credentials, and every `x-kessai-*` a client may forge. */
const DROPPED_REQUEST_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host', 'authorization', 'content-length', 'idempotency-key']);
const DROPPED_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'x-request-id', 'x-correlation-id']);
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The merchant API's pipeline, for every route of the route table: API key → body → idempotency → flow
 * control → proxy (undici) → release. Anything else (health, metrics, admin, OpenAPI, unknown paths) goes on
 * to Nest. Runs as plain middleware, before any body parsing, so the body is forwarded byte for byte.
 */
@Injectable()
export class MerchantGatewayMiddleware implements NestMiddleware {
  private readonly routes = new RouteTable(MERCHANT_SERVICES);
  private readonly logger = new Logger('MerchantGateway');

  constructor(
    private readonly authenticator: ApiKeyAuthenticator,
    private readonly flowControl: MerchantFlowControl,
    private readonly idempotency: IdempotencyStore,
    private readonly pools: UpstreamPools,
    @Inject(PROXY_OPTIONS) private readonly options: ProxyOptions,
  ) {}

  use(req: GatewayRequest, res: ServerResponse, next: (error?: unknown) => void): void {
    const url = req.originalUrl ?? req.url ?? '/';
    const path = url.split('?')[0];
    const matched = this.routes.match(req.method ?? 'GET', path);
    if (!matched) return next();
    this.handle(req, res, matched, url).catch((error: Error) => {
      this.logger.error(`gateway failure: ${error.stack ?? error.message}`);
      writeGatewayError(res, req.id, 'THROTTLE_UPSTREAM_UNAVAILABLE', 'The service could not be reached. Retry later.');
    });
  }

  private async handle(req: GatewayRequest, res: ServerResponse, { service, route }: MatchedRoute, url: string): Promise<void> {
    const requestId = req.id;
    const merchant = await this.authenticator.authenticate(bearer(req.headers.authorization));
    if (!merchant) {
      req.resume();
      return writeGatewayError(res, requestId, 'THROTTLE_API_KEY_UNAUTHORIZED', 'Send a valid API key: Authorization: Bearer kes_test_… or kes_live_…', 'authorization');
    }
    let body: Buffer = Buffer.alloc(0);
    if (route.method !== 'GET' && route.method !== 'DELETE') {
      try {
        body = await readRequestBody(req, this.options.maxRequestBodyBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        res.setHeader('connection', 'close');
        return writeGatewayError(res, requestId, 'THROTTLE_REQUEST_BODY_INVALID', `The body is larger than ${this.options.maxRequestBodyBytes} bytes`);
      }
    }

    const idempotencyKey = route.method === 'POST' ? header(req.headers, 'idempotency-key') : undefined;
    let claim: { key: string; token: string; bodyHash: string } | undefined;
    if (idempotencyKey !== undefined) {
      if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
        return writeGatewayError(res, requestId, 'THROTTLE_IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1 to 255 printable ASCII characters', 'Idempotency-Key');
      }
      const bodyHash = IdempotencyStore.bodyHash(route.method, url, body);
      const result = await this.idempotency.claim(merchant.merchantId, idempotencyKey, bodyHash);
      switch (result.kind) {
        case 'replay':
          return replay(res, result.response);
        case 'body-mismatch':
          return writeGatewayError(res, requestId, 'THROTTLE_IDEMPOTENCY_KEY_REUSED_INVALID', 'This Idempotency-Key was used with another request body: use a new key for a new request', 'Idempotency-Key');
        case 'in-progress':
          return writeGatewayError(res, requestId, 'THROTTLE_IDEMPOTENT_REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is in progress: retry after it finished', 'Idempotency-Key', { 'retry-after': '1' });
        case 'claimed':
          claim = { key: idempotencyKey, token: result.token, bodyHash };
          break;
        case 'unavailable':
          break;
      }
    }

    const admission = await this.flowControl.admit(merchant.merchantId, paymentMethodsIn(body, route.paymentMethodsField), route.submission === true);
    if (!admission.admitted) {
      if (claim) await this.idempotency.abandon(merchant.merchantId, claim.key, claim.token);
      return writeGatewayError(res, requestId, admission.code, rejectionMessage(admission.reason), undefined, {
        'retry-after': String(admission.retryAfterSeconds),
        'x-kessai-throttle-reason': admission.reason,
      });
    }
    await this.forward(req, res, service, url, body, merchant, admission.ticket, claim);
  }

  private async forward(
    req: GatewayRequest,
    res: ServerResponse,
    service: string,
    url: string,
    body: Buffer,
    merchant: AuthenticatedMerchant,
    ticket: FlowTicket,
    idempotent: { key: string; token: string; bodyHash: string } | undefined,
  ): Promise<void> {
    let stored: StoredResponse | undefined;
    try {
      const upstream = await this.pools.of(service).request({
        path: url,
        method: req.method as 'GET',
        headers: this.upstreamHeaders(req, res, merchant),
        body: body.length > 0 ? body : undefined,
        headersTimeout: this.options.upstreamTimeoutMs,
        bodyTimeout: this.options.upstreamTimeoutMs,
      });
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(upstream.headers)) {
        if (value !== undefined && !DROPPED_RESPONSE_HEADERS.has(name)) headers[name] = value;
      }
      if (idempotent) {
        const responseBody = Buffer.from(await upstream.body.arrayBuffer());
        if (upstream.statusCode < 500) {
          stored = { status: upstream.statusCode, contentType: headers['content-type'] as string | undefined, body: responseBody.toString('base64') };
          // Stored before the client reads the answer: a retry sent right after it must be replayed, not get 409.
          await this.idempotency
            .complete(merchant.merchantId, idempotent.key, idempotent.token, idempotent.bodyHash, stored)
            .catch((error: Error) => this.logger.warn(`idempotency key ${idempotent.key} not stored (its lease will expire): ${error.message}`));
        }
        res.writeHead(upstream.statusCode, headers);
        res.end(responseBody);
      } else {
        res.writeHead(upstream.statusCode, headers);
        await pipeline(upstream.body, res);
      }
    } catch (error) {
      this.logger.warn(`${service} did not answer ${req.method} ${url.split('?')[0]}: ${(error as Error).message}`);
      writeGatewayError(res, req.id, 'THROTTLE_UPSTREAM_UNAVAILABLE', `${service} did not answer in time. Retry later (with the same Idempotency-Key).`);
    } finally {
      await ticket.finish();
      if (idempotent) {
        if (!stored) await this.idempotency.abandon(merchant.merchantId, idempotent.key, idempotent.token);
      }
    }
  }

  private upstreamHeaders(req: GatewayRequest, res: ServerResponse, merchant: AuthenticatedMerchant): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || DROPPED_REQUEST_HEADERS.has(name) || name.startsWith('x-kessai-')) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    headers['x-kessai-merchant-id'] = merchant.merchantId;
    headers['x-kessai-key-mode'] = merchant.mode;
    if (req.id) headers['x-request-id'] = req.id;
    const correlationId = res.getHeader('x-correlation-id');
    if (typeof correlationId === 'string') headers['x-correlation-id'] = correlationId;
    Object.assign(headers, traceHeaders());
    return headers;
  }
}

function bearer(authorization: string | undefined): string | undefined {
  return authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function replay(res: ServerResponse, response: StoredResponse): void {
  const body = Buffer.from(response.body, 'base64');
  res.writeHead(response.status, {
    ...(response.contentType && { 'content-type': response.contentType }),
    'content-length': body.length,
    'idempotent-replayed': 'true',
  });
  res.end(body);
}

function rejectionMessage(reason: string): string {
  switch (reason) {
    case 'shed':
      return 'Your traffic is over the share kept for other requests; payment submissions still go through. Retry after Retry-After seconds.';
    case 'flow-control-unavailable':
      return 'Flow control is unavailable and this gateway fails closed. Retry after Retry-After seconds.';
    default:
      return `Too many requests (${reason} limit). Retry after Retry-After seconds.`;
  }
}
