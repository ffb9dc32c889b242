export const API_KEYS_OPTIONS = Symbol('API_KEYS_OPTIONS');

export interface ApiKeysOptions {
  /** How long an instance trusts a lookup (API_KEY_CACHE_MS). */
  cacheMs: number;
}
