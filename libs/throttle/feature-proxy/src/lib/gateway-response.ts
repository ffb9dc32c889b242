import type { ServerResponse } from 'node:http';
import { statusForCode } from '@kessai/shared-service-runtime';
import { FlowRejectionReason, REJECTION_CODES, type ThrottleErrorCode } from '@kessai/throttle-domain';

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

export function rejectionMessage(reason: FlowRejectionReason): string {
  switch (reason) {
    case 'shed':
      return 'Your traffic is over the share kept for other requests; payment submissions still go through. Retry after Retry-After seconds.';
    case 'flow-control-unavailable':
      return 'Flow control is unavailable and this gateway fails closed. Retry after Retry-After seconds.';
    default:
      return `Too many requests (${reason} limit). Retry after Retry-After seconds.`;
  }
}

/**
 * Flow-control rejections, the gateway's most frequent answer under a burst: the body is formatted once per
 * reason, only the request id is spliced in (a safe token, see requestIdsOf: nothing to escape). Same format
 * as writeGatewayError.
 */
export class RejectionResponses {
  private readonly byReason = new Map<FlowRejectionReason, { status: number; head: string }>();

  write(res: ServerResponse, reason: FlowRejectionReason, retryAfterSeconds: number, requestId: string, correlationId: string): void {
    let prepared = this.byReason.get(reason);
    if (!prepared) {
      const code = REJECTION_CODES[reason];
      const head = JSON.stringify({ error: { code, message: rejectionMessage(reason), requestId: '' } }).slice(0, -3);
      prepared = { status: statusForCode(code), head };
      this.byReason.set(reason, prepared);
    }
    const body = `${prepared.head}${requestId}"}}`;
    res.writeHead(prepared.status, {
      'retry-after': String(retryAfterSeconds),
      'x-kessai-throttle-reason': reason,
      'x-request-id': requestId,
      'x-correlation-id': correlationId,
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  }
}
