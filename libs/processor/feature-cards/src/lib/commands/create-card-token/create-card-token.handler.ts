import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CardTokenResponse } from '@kessai/processor-contracts';
import { CardTokenEntity } from '@kessai/processor-data-access';
import { CardInput, validateCardInput } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';

const TOKEN_LIFETIME_MS = 15 * 60 * 1000;

@Injectable()
export class CreateCardTokenHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Validates the card as the network would and mints a one-time token; the number itself is dropped here. */
  async execute(input: CardInput): Promise<CardTokenResponse> {
    const now = this.clock.now();
    const facts = validateCardInput(input, now);
    const token = Object.assign(new CardTokenEntity(), {
      token: `tok_${randomBytes(18).toString('base64url')}`,
      ...facts,
      createdAt: now,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS),
      usedAt: null,
    });
    await this.dataSource.getRepository(CardTokenEntity).insert(token);
    return {
      token: token.token,
      brand: facts.brand,
      last4: facts.last4,
      expMonth: facts.expMonth,
      expYear: facts.expYear,
      expiresAt: token.expiresAt.toISOString(),
    };
  }
}
