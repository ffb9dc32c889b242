import type { ServerResponse } from 'node:http';
import { statusForCode } from '@kessai/shared-service-runtime';
import type { ThrottleErrorCode } from '@kessai/throttle-domain';

/** Writes an error in the one format of every Kessai API, with the request id to quote to support. */
export function writeGatewayError(
  res: ServerResponse,
  requestId: string | undefined,
  code: ThrottleErrorCode,
  message: string,
  field?: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code, message, ...(field && { field }), ...(requestId && { requestId }) } });
  res.writeHead(statusForCode(code), { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
