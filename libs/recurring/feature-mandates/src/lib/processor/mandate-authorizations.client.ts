import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'undici';
import type { AuthorizationRequest, AuthorizationResponse } from '@kessai/processor-contracts';
import { MANDATES_OPTIONS, MandatesOptions } from '../mandates.options';

/** The processor's answer: an authorization (approved or declined), or its error code. */
export type MandateAuthorizationResult = { ok: true; body: AuthorizationResponse } | { ok: false; status: number; code: string; message: string };

/** One authorization at a time on the processor's API (a bill charged with its customer's mandate), and its release. */
@Injectable()
export class MandateAuthorizationsClient implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(@Inject(MANDATES_OPTIONS) options: MandatesOptions) {
    this.pool = new Pool(options.processorUrl, { connections: 8, headersTimeout: options.processorTimeoutMs, bodyTimeout: options.processorTimeoutMs });
  }

  async authorize(request: AuthorizationRequest): Promise<MandateAuthorizationResult> {
    return this.post('/v1/authorizations', request);
  }

  private async post(path: string, body: object): Promise<MandateAuthorizationResult> {
    try {
      const response = await this.pool.request({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const text = await response.body.text();
      const parsed = text ? (JSON.parse(text) as unknown) : {};
      if (response.statusCode === 200) return { ok: true, body: parsed as AuthorizationResponse };
      const error = (parsed as { error?: { code?: string; message?: string } }).error;
      return { ok: false, status: response.statusCode, code: error?.code ?? `HTTP_${response.statusCode}`, message: error?.message ?? text.slice(0, 200) };
    } catch (error) {
      return { ok: false, status: 503, code: 'PROCESSOR_UNREACHABLE', message: (error as Error).message };
    }
  }

  /** Releases an authorization not yet captured (取消); cancelling twice answers the same. */
  async cancel(merchantId: string, authorizationId: string): Promise<MandateAuthorizationResult> {
    return this.post(`/v1/authorizations/${encodeURIComponent(authorizationId)}/cancel`, { merchantId });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.close();
  }
}
