import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { ApiKeyEntity, ApiKeyRepository } from '@kessai/throttle-data-access';
import { ApiKeyMode, issueApiKey } from '@kessai/throttle-domain';
import { ApiKeyView, toApiKeyView } from '../../api-key.view';

@Injectable()
export class IssueApiKeyHandler {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  /** A new key for the merchant; the response holds the key once, the database only its hash. */
  async execute(merchantId: string, mode: ApiKeyMode, transaction?: EntityManager): Promise<{ entity: ApiKeyEntity; view: ApiKeyView }> {
    const issued = issueApiKey(mode);
    const entity = Object.assign(new ApiKeyEntity(), {
      id: newId(),
      merchantId,
      mode,
      keyHash: issued.hash,
      displayPrefix: issued.displayPrefix,
      createdAt: this.clock.now(),
      expiresAt: null,
      revokedAt: null,
      replacedBy: null,
    });
    await this.keys.save(entity, transaction);
    return { entity, view: toApiKeyView(entity, issued.secret) };
  }
}
