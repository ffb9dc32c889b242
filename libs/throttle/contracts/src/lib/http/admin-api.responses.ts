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
