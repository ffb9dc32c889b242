import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@kessai/shared-clock';
import { ApiKeyRepository } from '@kessai/throttle-data-access';
import { ApiKeyMode, describeApiKey, isApiKeyUsable } from '@kessai/throttle-domain';
import { API_KEYS_OPTIONS, ApiKeysOptions } from './api-keys.options';

export interface AuthenticatedMerchant {
  merchantId: string;
  mode: ApiKeyMode;
  keyId: string;
}

interface CachedLookup {
  /** One query per key and period, however many requests ask at once. */
  key: Promise<{ merchantId: string; mode: ApiKeyMode; id: string; revokedAt: Date | null; expiresAt: Date | null } | null>;
  until: number;
}

const MAX_CACHED = 50_000;

/**
 * Finds the merchant of an API key: the key's SHA-256 is the lookup key (one index probe), and each instance
 * keeps lookups, found or not, for API_KEY_CACHE_MS, so a flood of requests costs the database one query per
 * key and period. Expiry (rotation overlap) is checked on every request against the cached row.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly cache = new Map<string, CachedLookup>();

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
    @Inject(API_KEYS_OPTIONS) private readonly options: ApiKeysOptions,
  ) {}

  async authenticate(secret: string | undefined): Promise<AuthenticatedMerchant | undefined> {
    const described = secret ? describeApiKey(secret) : undefined;
    if (!described) return undefined;
    const now = this.clock.now();
    let lookup = this.cache.get(described.hash);
    if (!lookup || lookup.until <= now.getTime()) {
      const hash = described.hash;
      const key = this.keys.findByHash(hash).then(
        (row) => row && { merchantId: row.merchantId, mode: row.mode, id: row.id, revokedAt: row.revokedAt, expiresAt: row.expiresAt },
      );
      // A failed lookup is not kept: the next request asks the database again.
      key.catch(() => this.cache.get(hash)?.key === key && this.cache.delete(hash));
      lookup = { key, until: now.getTime() + this.options.cacheMs };
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(hash, lookup);
    }
    const key = await lookup.key;
    if (!key || !isApiKeyUsable(key, now)) return undefined;
    return { merchantId: key.merchantId, mode: key.mode, keyId: key.id };
  }
}
