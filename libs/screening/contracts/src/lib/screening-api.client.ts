import { Pool } from 'undici';
import type { ScreeningDecision } from './screening-decision';
import type { ScreeningRequest } from './screening-request';
import type { OnReviewPolicy } from './events/merchant-screening-changed.v1';

/** A decision, or why credit screening gave none (unreachable, too slow, refused the request). */
export type ScreeningAnswer<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/** One result of POST /decisions/bulk, in the order of the requests. */
export type BulkScreeningResult = ScreeningDecision | { paymentRef?: string; error: { code: string; message: string; field?: string } };

export interface ScreeningApiClientOptions {
  /** Base URL of credit-screening, e.g. http://credit-screening:3004. */
  url: string;
  timeoutMs: number;
  /** Bulk decisions take longer: one call decides a whole chunk of charges. */
  bulkTimeoutMs?: number;
  connections?: number;
}

/**
 * Credit screening's decision API (POST /decisions, POST /decisions/bulk) for the services that ask before
 * authorizing, over one keep-alive pool (undici). Never throws: a failure is an answer the caller decides about
 * (fail open or closed).
 */
export class ScreeningApiClient {
  private readonly pool: Pool;

  constructor(private readonly options: ScreeningApiClientOptions) {
    this.pool = new Pool(options.url, { connections: options.connections ?? 16 });
  }

  decide(merchantId: string, request: ScreeningRequest, headers: Record<string, string> = {}): Promise<ScreeningAnswer<ScreeningDecision>> {
    return this.post('/decisions', merchantId, request, this.options.timeoutMs, headers);
  }

  async decideMany(merchantId: string, requests: ScreeningRequest[], headers: Record<string, string> = {}): Promise<ScreeningAnswer<BulkScreeningResult[]>> {
    const answer = await this.post<{ results: BulkScreeningResult[] }>('/decisions/bulk', merchantId, { requests }, this.options.bulkTimeoutMs ?? this.options.timeoutMs, headers);
    return answer.ok ? { ok: true, value: answer.value.results } : answer;
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async post<T>(path: string, merchantId: string, body: object, timeoutMs: number, headers: Record<string, string>): Promise<ScreeningAnswer<T>> {
    try {
      const response = await this.pool.request({
        method: 'POST',
        path,
        headers: { ...headers, 'content-type': 'application/json', 'x-kessai-merchant-id': merchantId },
        body: JSON.stringify(body),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.body.text();
      if (response.statusCode === 200) return { ok: true, value: JSON.parse(text) as T };
      const error = (safeJson(text) as { error?: { code?: string; message?: string } } | undefined)?.error;
      return { ok: false, code: error?.code ?? `HTTP_${response.statusCode}`, message: error?.message ?? text.slice(0, 200) };
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError' || /timeout/i.test((error as Error).name ?? '');
      return { ok: false, code: timedOut ? 'SCREENING_TIMEOUT' : 'SCREENING_UNREACHABLE', message: (error as Error).message };
    }
  }
}

/** Whether a decision stops the payment before authorization, under the merchant's review policy. */
export function screenedOut(decision: ScreeningDecision, onReview: OnReviewPolicy): boolean {
  return decision.decision === 'decline' || (decision.decision === 'review' && onReview === 'decline');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
