import type { ApiKeyEntity } from '@kessai/throttle-data-access';
import type { ApiKeyView } from '@kessai/throttle-contracts';

export type { ApiKeyView };


export function toApiKeyView(key: ApiKeyEntity, secret?: string): ApiKeyView {
  return {
    id: key.id,
    merchantId: key.merchantId,
    mode: key.mode,
    displayPrefix: key.displayPrefix,
    createdAt: key.createdAt.toISOString(),
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    replacedBy: key.replacedBy,
    ...(secret && { secret }),
  };
}
