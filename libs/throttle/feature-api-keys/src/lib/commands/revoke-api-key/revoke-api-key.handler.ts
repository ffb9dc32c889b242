import { Injectable } from '@nestjs/common';
import { Clock } from '@kessai/shared-clock';
import { ApiKeyRepository } from '@kessai/throttle-data-access';
import { ThrottleException } from '@kessai/throttle-domain';
import { ApiKeyView, toApiKeyView } from '../../api-key.view';

@Injectable()
export class RevokeApiKeyHandler {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  /** Stops the key at once in the database; instances drop their cached lookup within API_KEY_CACHE_MS. */
  async execute(merchantId: string, keyId: string): Promise<ApiKeyView> {
    return this.keys.transaction(async (transaction) => {
      const key = await this.keys.findOfMerchant(merchantId, keyId, transaction);
      if (!key) throw new ThrottleException('THROTTLE_API_KEY_NOT_FOUND', `No API key ${keyId} for merchant ${merchantId}`, 'keyId');
      key.revokedAt ??= this.clock.now();
      await this.keys.save(key, transaction);
      return toApiKeyView(key);
    });
  }
}
