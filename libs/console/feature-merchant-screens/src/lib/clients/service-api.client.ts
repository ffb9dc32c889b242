import { Logger } from '@nestjs/common';
import { Dispatcher, Pool } from 'undici';
import { ConsoleException } from '@kessai/console-domain';
import { currentRequestIds } from './request-ids';

export interface ApiAnswer<T> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

/** A route the service does not have (yet): Nest's plain 404, not a domain `…_NOT_FOUND`. */
export class ApiNotAvailable extends Error {
  constructor(readonly api: string) {
    super(`${api} is not available`);
  }
}

export interface ApiError {
  error: { code: string; message: string; field?: string; details?: { field: string; message: string }[] };
}

/**
 * HTTP to one Kessai service's API as the signed-in merchant (`x-kessai-merchant-id`), over a keep-alive
 * undici pool. Connection failures and timeouts become CONSOLE_UPSTREAM_UNAVAILABLE (a page saying which
 * service); a route the service lacks becomes ApiNotAvailable, which screens show as "not available yet".
 */
export class ServiceApiClient {
  private readonly pool: Pool;
  private readonly logger: Logger;

  constructor(
    readonly service: string,
    baseUrl: string,
    private readonly timeoutMs: number,
    private readonly authorization?: string,
  ) {
    this.pool = new Pool(baseUrl, { connections: 16, keepAliveTimeout: 30_000 });
    this.logger = new Logger(`${service}-client`);
  }

  async json<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, merchantId: string | null, body?: unknown): Promise<ApiAnswer<T>> {
    const answer = await this.send(method, path, merchantId, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json');
    const text = await answer.body.text();
    const parsed = text ? (JSON.parse(text) as T) : (undefined as T);
    if (answer.statusCode === 404 && (parsed as ApiError | undefined)?.error?.code === 'NOT_FOUND') throw new ApiNotAvailable(`${method} ${path.split('?')[0]}`);
    return { status: answer.statusCode, body: parsed, headers: answer.headers };
  }

  /** A raw answer (CSV downloads), for the caller to stream on. */
  async stream(path: string, merchantId: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Dispatcher.ResponseData['body'] }> {
    const answer = await this.send('GET', path, merchantId);
    return { status: answer.statusCode, headers: answer.headers, body: answer.body };
  }

  /** Sends a raw body (a CSV upload) and returns once the headers arrive; the body answer comes later. */
  /** A file's answer comes once the service has read all of it: a longer wait for its headers and body. */
  async upload(path: string, merchantId: string, body: Buffer, contentType: string) {
    return this.send('POST', path, merchantId, body, contentType, 10 * this.timeoutMs, 10 * this.timeoutMs);
  }

  private async send(method: string, path: string, merchantId: string | null, body?: string | Buffer, contentType?: string, bodyTimeout = this.timeoutMs, headersTimeout = this.timeoutMs) {
    const headers: Record<string, string> = { accept: 'application/json', ...currentRequestIds() };
    if (merchantId) headers['x-kessai-merchant-id'] = merchantId;
    if (this.authorization) headers['authorization'] = this.authorization;
    if (contentType) headers['content-type'] = contentType;
    try {
      return await this.pool.request({ method: method as 'GET', path, headers, body, headersTimeout, bodyTimeout });
    } catch (error) {
      this.logger.warn(`${this.service} did not answer ${method} ${path.split('?')[0]}: ${(error as Error).message}`);
      throw new ConsoleException('CONSOLE_UPSTREAM_UNAVAILABLE', `${this.service} did not answer`);
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The message of an API's error body, for showing to the person who asked. */
export function apiErrorMessage(body: unknown): string {
  const error = (body as ApiError | undefined)?.error;
  if (!error) return 'The service refused the request';
  return error.details?.length ? error.details.map((d) => `${d.field}: ${d.message}`).join('; ') : error.message;
}
