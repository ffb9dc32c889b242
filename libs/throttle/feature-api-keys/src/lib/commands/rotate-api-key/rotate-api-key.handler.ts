import { Injectable } from '@nestjs/common';
import { Clock } from '@kessai/shared-clock';
import { ApiKeyRepository } from '@kessai/throttle-data-access';
import { isApiKeyUsable, ThrottleException } from '@kessai/throttle-domain';
import { ApiKeyView, toApiKeyView } from '../../api-key.view';
import { IssueApiKeyHandler } from '../issue-api-key/issue-api-key.handler';

@Injectable()
export class RotateApiKeyHandler {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly issue: IssueApiKeyHandler,
    private readonly clock: Clock,
  ) {}

  /**
   * Issues a successor of the same mode; the old key keeps working for `overlapSeconds` so the merchant can
   * deploy the new one without a gap, then stops.
   */
  async execute(merchantId: string, keyId: string, overlapSeconds: number): Promise<{ newKey: ApiKeyView; oldKey: ApiKeyView }> {
    return this.keys.transaction(async (transaction) => {
      const old = await this.keys.findOfMerchant(merchantId, keyId, transaction);
      const now = this.clock.now();
      if (!old || !isApiKeyUsable(old, now)) {
        throw new ThrottleException('THROTTLE_API_KEY_NOT_FOUND', `No usable API key ${keyId} for merchant ${merchantId}`, 'keyId');
      }
      const { entity, view } = await this.issue.execute(merchantId, old.mode, transaction);
      const overlapEnds = new Date(now.getTime() + overlapSeconds * 1000);
      old.expiresAt = old.expiresAt && old.expiresAt < overlapEnds ? old.expiresAt : overlapEnds;
      old.replacedBy = entity.id;
      await this.keys.save(old, transaction);
      return { newKey: view, oldKey: toApiKeyView(old) };
    });
  }
}
