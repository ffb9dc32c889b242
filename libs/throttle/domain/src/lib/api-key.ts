import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type ApiKeyMode = 'test' | 'live';
export const API_KEY_MODES: ApiKeyMode[] = ['test', 'live'];

/** `kes_test_` or `kes_live_` followed by 43 base64url characters: 256 random bits. */
const API_KEY_FORMAT = /^kes_(test|live)_([A-Za-z0-9_-]{43})$/;

export interface IssuedApiKey {
  /** The key itself: shown to the merchant once, never stored. */
  secret: string;
  hash: string;
  /** What the merchant and support see to tell keys apart, e.g. `kes_test_Ab3x`. */
  displayPrefix: string;
  mode: ApiKeyMode;
}

/** A new API key. 256 random bits: guessing one is hopeless, so a fast hash is enough to store it. */
export function issueApiKey(mode: ApiKeyMode): IssuedApiKey {
  return describeApiKey(`kes_${mode}_${randomBytes(32).toString('base64url')}`) as IssuedApiKey;
}

/** The parts of a well-formed key, or undefined for anything else (checked before any lookup). */
export function describeApiKey(secret: string): IssuedApiKey | undefined {
  const match = API_KEY_FORMAT.exec(secret);
  if (!match) return undefined;
  return { secret, hash: hashApiKey(secret), displayPrefix: secret.slice(0, 13), mode: match[1] as ApiKeyMode };
}

/**
 * SHA-256 of the key. Slow hashes (scrypt, bcrypt) protect low-entropy passwords against guessing; a 256-bit
 * random key cannot be guessed, and a slow hash on every request would make authentication the bottleneck
 * and a denial-of-service lever. The hash is the lookup key (unique index), so a lookup is one index probe.
 */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** A stored key's state: usable until revoked, and after a rotation only until the overlap window ends. */
export interface ApiKeyState {
  revokedAt: Date | null;
  expiresAt: Date | null;
}

export function isApiKeyUsable(key: ApiKeyState, now: Date): boolean {
  return key.revokedAt === null && (key.expiresAt === null || key.expiresAt.getTime() > now.getTime());
}
