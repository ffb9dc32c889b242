import type { ServerResponse } from 'node:http';
import { RejectionResponses, writeGatewayError } from './gateway-response';

function recordingResponse() {
  const written: { status?: number; headers?: Record<string, string | number>; body?: string } = {};
  const res = {
    headersSent: false,
    writeHead(status: number, headers: Record<string, string | number>) {
      written.status = status;
      written.headers = headers;
      return this;
    },
    end(body: string) {
      written.body = body;
    },
  } as unknown as ServerResponse;
  return { res, written };
}

describe('RejectionResponses', () => {
  it('writes the same body as writeGatewayError, with Retry-After, the reason and the request id', () => {
    const fast = recordingResponse();
    new RejectionResponses().write(fast.res, 'merchant-concurrency', 3, 'req-1', 'corr-1');
    const slow = recordingResponse();
    writeGatewayError(slow.res, 'req-1', 'THROTTLE_MERCHANT_CONCURRENCY_THROTTLED', 'Too many requests (merchant-concurrency limit). Retry after Retry-After seconds.');

    expect(fast.written.status).toBe(429);
    expect(JSON.parse(fast.written.body as string)).toEqual(JSON.parse(slow.written.body as string));
    expect(fast.written.headers).toMatchObject({
      'retry-after': '3',
      'x-kessai-throttle-reason': 'merchant-concurrency',
      'x-request-id': 'req-1',
      'x-correlation-id': 'corr-1',
      'content-length': Buffer.byteLength(fast.written.body as string),
    });
  });

  it('answers 503 when shedding or when flow control is unavailable', () => {
    const responses = new RejectionResponses();
    for (const reason of ['shed', 'flow-control-unavailable'] as const) {
      const { res, written } = recordingResponse();
      responses.write(res, reason, 1, 'req-2', 'req-2');
      expect(written.status).toBe(503);
      expect(JSON.parse(written.body as string).error.requestId).toBe('req-2');
    }
  });
});
