import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type Redis from 'ioredis';

export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');
export const IDEMPOTENCY_REDIS = Symbol('IDEMPOTENCY_REDIS');

export interface IdempotencyOptions {
  keyPrefix: string;
  /** How long the first response is kept and replayed (IDEMPOTENCY_TTL_HOURS). */
  ttlMs: number;
  /** How long an in-progress marker lives when its request never finishes (a crashed instance): the lease time. */
  inProgressMs: number;
}

export interface StoredResponse {
  status: number;
  contentType?: string;
  body: string;
}

export type IdempotencyClaim =
  | { kind: 'claimed'; token: string }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'body-mismatch' }
  | { kind: 'in-progress' }
  /** Redis did not answer: the request goes on without idempotency (the flow-control failure mode applies). */
  | { kind: 'unavailable' };

interface Record {
  state: 'in-progress' | 'done';
  token: string;
  bodyHash: string;
  response?: StoredResponse;
}

type IdempotencyRedis = Redis & {
  kessaiIdempotencyComplete(key: string, token: string, value: string, ttlMs: number): Promise<number>;
  kessaiIdempotencyAbandon(key: string, token: string): Promise<number>;
};

// Writes only over our own in-progress marker: a marker that expired and was claimed again is not overwritten.
const COMPLETE = `
local current = redis.call('GET', KEYS[1])
if current and cjson.decode(current).token == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;
const ABANDON = `
local current = redis.call('GET', KEYS[1])
if current and cjson.decode(current).token == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Idempotency keys on Redis, per merchant. The first request with a key claims it (SET NX, in progress, for
 * the lease time); its response is stored for 24 h and replayed to every retry with the same body; a retry
 * with another body is refused (422), a retry while the first is in flight gets 409. Replays never reach flow
 * control, so they use no rate quota. Crash semantics: see the README of this library.
 */
@Injectable()
export class IdempotencyStore {
  private readonly redis: IdempotencyRedis;

  constructor(
    @Inject(IDEMPOTENCY_REDIS) redis: Redis,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: IdempotencyOptions,
  ) {
    if (!('kessaiIdempotencyComplete' in redis)) {
      redis.defineCommand('kessaiIdempotencyComplete', { numberOfKeys: 1, lua: COMPLETE });
      redis.defineCommand('kessaiIdempotencyAbandon', { numberOfKeys: 1, lua: ABANDON });
    }
    this.redis = redis as IdempotencyRedis;
  }

  static bodyHash(method: string, path: string, body: Buffer): string {
    return createHash('sha256').update(method).update('\n').update(path).update('\n').update(body).digest('hex');
  }

  async claim(merchantId: string, idempotencyKey: string, bodyHash: string): Promise<IdempotencyClaim> {
    const key = this.key(merchantId, idempotencyKey);
    const token = randomUUID();
    const marker: Record = { state: 'in-progress', token, bodyHash };
    try {
      const set = await this.redis.set(key, JSON.stringify(marker), 'PX', this.options.inProgressMs, 'NX');
      if (set === 'OK') return { kind: 'claimed', token };
      const existing = await this.redis.get(key);
      // The marker expired between the two commands: the other attempt is over; ask the client to retry.
      if (!existing) return { kind: 'in-progress' };
      const record = JSON.parse(existing) as Record;
      if (record.bodyHash !== bodyHash) return { kind: 'body-mismatch' };
      if (record.state === 'done' && record.response) return { kind: 'replay', response: record.response };
      return { kind: 'in-progress' };
    } catch {
      return { kind: 'unavailable' };
    }
  }

  async complete(merchantId: string, idempotencyKey: string, token: string, bodyHash: string, response: StoredResponse): Promise<void> {
    const record: Record = { state: 'done', token, bodyHash, response };
    await this.redis
      .kessaiIdempotencyComplete(this.key(merchantId, idempotencyKey), token, JSON.stringify(record), this.options.ttlMs)
      .catch(() => undefined);
  }

  /** Frees the key for a retry: the request was rejected before reaching the service, or the service failed. */
  async abandon(merchantId: string, idempotencyKey: string, token: string): Promise<void> {
    await this.redis.kessaiIdempotencyAbandon(this.key(merchantId, idempotencyKey), token).catch(() => undefined);
  }

  private key(merchantId: string, idempotencyKey: string): string {
    const digest = createHash('sha256').update(idempotencyKey).digest('base64url');
    return `${this.options.keyPrefix}idem:{m:${merchantId}}:${digest}`;
  }
}
