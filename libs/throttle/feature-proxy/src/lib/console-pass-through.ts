import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { requestIdsOf } from '@kessai/shared-telemetry';
import { writeGatewayError } from './gateway-response';
import { PROXY_OPTIONS, ProxyOptions } from './proxy.options';
import { UpstreamPools } from './upstream-pools';

export const CONSOLE_SERVICE = 'merchant-console';
const CONSOLE_PATH = /^\/console(?:[/?]|$)/;
const DROPPED_REQUEST_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host', 'authorization', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto']);
const DROPPED_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding']);

/**
 * `/console` goes to the merchant console as it is, streamed both ways: no API key (people sign in to the
 * console itself), no flow control or idempotency (those are for the merchant API). Client `x-kessai-*`
 * headers are dropped all the same, so nobody can pose as the gateway's authenticated merchant.
 */
@Injectable()
export class ConsolePassThrough {
  private readonly logger = new Logger('ConsolePassThrough');

  constructor(
    private readonly pools: UpstreamPools,
    @Inject(PROXY_OPTIONS) private readonly options: ProxyOptions,
  ) {}

  readonly listen = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!CONSOLE_PATH.test(req.url ?? '') || !this.options.upstreams[CONSOLE_SERVICE]) return false;
    const { requestId, correlationId } = requestIdsOf(req.headers);
    this.forward(req, res, requestId, correlationId).catch((error: Error) => {
      this.logger.warn(`${CONSOLE_SERVICE} did not answer ${req.method} ${req.url?.split('?')[0]} (request ${requestId}): ${error.message}`);
      writeGatewayError(res, requestId, 'THROTTLE_UPSTREAM_UNAVAILABLE', 'The merchant console could not be reached. Retry later.', undefined, { 'x-request-id': requestId });
    });
    return true;
  };

  private async forward(req: IncomingMessage, res: ServerResponse, requestId: string, correlationId: string): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name in req.headers) {
      const value = req.headers[name];
      if (value === undefined || DROPPED_REQUEST_HEADERS.has(name) || name.startsWith('x-kessai-')) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    headers['x-request-id'] = requestId;
    headers['x-correlation-id'] = correlationId;
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const upstream = await this.pools.of(CONSOLE_SERVICE).request({
      path: req.url ?? '/console',
      method: req.method as 'GET',
      headers,
      body: hasBody ? req : undefined,
      headersTimeout: this.options.upstreamTimeoutMs,
      bodyTimeout: this.options.upstreamTimeoutMs,
    });
    const answer: Record<string, string | string[]> = {};
    for (const name in upstream.headers) {
      const value = upstream.headers[name];
      if (value !== undefined && !DROPPED_RESPONSE_HEADERS.has(name)) answer[name] = value;
    }
    res.writeHead(upstream.statusCode, answer);
    await pipeline(upstream.body, res);
  }
}
