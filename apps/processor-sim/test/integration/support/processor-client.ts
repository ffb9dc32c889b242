import { randomUUID } from 'node:crypto';
import type { AuthorizationResponse, CardResponse } from '@kessai/processor-contracts';

/** Talks to a running processor-sim the way the platform and a browser would. */
export class ProcessorClient {
  constructor(readonly baseUrl: string) {}

  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  /** Tokenizes in the "browser" and exchanges the token for a card reference of the merchant. */
  async storeCard(merchantId: string, number: string, securityCode = number.startsWith('37') ? '1234' : '123'): Promise<CardResponse> {
    const tokenResponse = await this.post('/v1/tokens', { number, expMonth: 12, expYear: 2031, securityCode });
    if (tokenResponse.status !== 201) throw new Error(`tokenize failed: ${tokenResponse.status} ${await tokenResponse.text()}`);
    const { token } = (await tokenResponse.json()) as { token: string };
    const cardResponse = await this.post('/v1/cards', { token, merchantId });
    if (cardResponse.status !== 201) throw new Error(`exchange failed: ${cardResponse.status} ${await cardResponse.text()}`);
    return (await cardResponse.json()) as CardResponse;
  }

  async authorize(
    merchantId: string,
    cardId: string,
    overrides: Record<string, unknown> = {},
  ): Promise<{ status: number; body: AuthorizationResponse & { error?: { code: string; field?: string } } }> {
    const response = await this.post('/v1/authorizations', {
      merchantId,
      cardId,
      amount: 1500,
      currency: 'JPY',
      idempotencyKey: randomUUID(),
      ...overrides,
    });
    return { status: response.status, body: (await response.json()) as never };
  }
}
