import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Dispatcher, EnvHttpProxyAgent, Pool } from 'undici';
import type { AuthorizationResponse, CardResponse, KonbiniSlipResponse, WalletPaymentResponse } from '@kessai/processor-contracts';
import { PAYMENT_PAGES_OPTIONS, PaymentPagesOptions } from '../payment-pages.options';

/** An answer of the processor: its body, or its error code (a decline is a body, not an error). */
export type ProcessorResult<T> = { ok: true; body: T } | { ok: false; status: number; code: string; message: string };

/**
 * The processor API over keep-alive connections (undici), through the egress proxy when one is configured
 * (production tasks have no other way out). Card data never passes here: only tokens and references.
 */
@Injectable()
export class ProcessorClient implements OnModuleDestroy {
  private readonly pool: Dispatcher;
  private readonly origin: string;

  constructor(@Inject(PAYMENT_PAGES_OPTIONS) options: PaymentPagesOptions) {
    const connections = { connections: 32, headersTimeout: options.processorTimeoutMs, bodyTimeout: options.processorTimeoutMs };
    this.origin = options.processorUrl;
    this.pool = options.egressProxy
      ? new EnvHttpProxyAgent({ ...connections, httpProxy: options.egressProxy.url, httpsProxy: options.egressProxy.url, noProxy: options.egressProxy.noProxy })
      : new Pool(options.processorUrl, connections);
  }

  exchangeToken(token: string, merchantId: string): Promise<ProcessorResult<CardResponse>> {
    return this.post('/v1/cards', { token, merchantId });
  }

  authorize(request: { merchantId: string; cardId: string; amount: number; currency: string; idempotencyKey: string }): Promise<ProcessorResult<AuthorizationResponse>> {
    return this.post('/v1/authorizations', request);
  }

  getAuthorization(authorizationId: string): Promise<ProcessorResult<AuthorizationResponse>> {
    return this.call('GET', `/v1/authorizations/${encodeURIComponent(authorizationId)}`);
  }

  cancelAuthorization(authorizationId: string, merchantId: string): Promise<ProcessorResult<AuthorizationResponse>> {
    return this.post(`/v1/authorizations/${encodeURIComponent(authorizationId)}/cancel`, { merchantId });
  }

  issueKonbiniSlip(request: { merchantId: string; amount: number; currency: string; chain: string; deadline: string; idempotencyKey: string }): Promise<ProcessorResult<KonbiniSlipResponse>> {
    return this.post('/v1/konbini/payments', request);
  }

  startWalletPayment(request: { merchantId: string; amount: number; currency: string; returnUrl: string; idempotencyKey: string }): Promise<ProcessorResult<WalletPaymentResponse>> {
    return this.post('/v1/wallet/payments', request);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.close();
  }

  private post<T>(path: string, body: object): Promise<ProcessorResult<T>> {
    return this.call('POST', path, body);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<ProcessorResult<T>> {
    try {
      const response = await this.pool.request({
        origin: this.origin,
        method,
        path,
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.body.text();
      const parsed = text ? JSON.parse(text) : {};
      if (response.statusCode >= 200 && response.statusCode < 300) return { ok: true, body: parsed as T };
      const error = (parsed as { error?: { code?: string; message?: string } }).error;
      return { ok: false, status: response.statusCode, code: error?.code ?? `HTTP_${response.statusCode}`, message: error?.message ?? text.slice(0, 200) };
    } catch (error) {
      return { ok: false, status: 503, code: 'PROCESSOR_UNREACHABLE', message: (error as Error).message };
    }
  }
}
