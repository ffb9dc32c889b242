import type { ApiKeyEntity } from '@kessai/throttle-data-access';

/** An API key as the admin API shows it: never the key itself, except once in `secret` when it is issued. */
export interface ApiKeyView {
  id: string;
  merchantId: string;
  mode: 'test' | 'live';
  displayPrefix: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  replacedBy: string | null;
  /** Only in the response that issues the key: store it now, it is not shown again. */
  secret?: string;
}

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
