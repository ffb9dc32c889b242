import type { IncomingMessage, ServerResponse } from 'node:http';
import { PinoLogger } from 'nestjs-pino';
import type pino from 'pino';
import getRawBody from 'raw-body';
import { ApiErrorBody } from './api-error';

/** What a front listener (see `frontListener`) needs to answer like the Nest routes do, without Express. */
export class BodyTooLargeError extends Error {}

/** Reads the whole request body, refusing more than `limitBytes` (raw-body, as Express's body parser does). */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  try {
    return await getRawBody(req, { limit: limitBytes, length: req.headers['content-length'] });
  } catch (error) {
    if ((error as { type?: string }).type === 'entity.too.large') throw new BodyTooLargeError(`The body is larger than ${limitBytes} bytes`);
    throw error;
  }
}

/** Writes a JSON answer with the request and correlation ids the Nest routes echo. */
export function sendJson(res: ServerResponse, status: number, body: string, requestId: string, correlationId: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-request-id': requestId,
    'x-correlation-id': correlationId,
  });
  res.end(body);
}

export function sendError(res: ServerResponse, status: number, body: ApiErrorBody, requestId: string, correlationId: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  body.error.requestId = requestId;
  sendJson(res, status, JSON.stringify(body), requestId, correlationId);
}

/** The access log line pino-http writes for the routes Nest serves, for a request a front listener answered. */
export class FrontAccessLog {
  private logger?: pino.Logger;

  constructor(private readonly context: string) {}

  write(entry: { requestId: string; correlationId: string; merchantId?: string; method?: string; url: string; statusCode: number; arrivedAt: number }): void {
    const log = this.log();
    if (!log.isLevelEnabled('info')) return;
    log.info(
      {
        requestId: entry.requestId,
        correlationId: entry.correlationId,
        merchantId: entry.merchantId,
        req: { id: entry.requestId, method: entry.method, url: entry.url },
        res: { statusCode: entry.statusCode },
        responseTime: Date.now() - entry.arrivedAt,
      },
      'request completed',
    );
  }

  private log(): pino.Logger {
    // `res` is already the plain { statusCode } pino-http writes, not a ServerResponse to serialize.
    this.logger ??= PinoLogger.root.child({ context: this.context }, { serializers: { res: (res: unknown) => res } });
    return this.logger;
  }
}
