import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The header carrying the signature of a webhook the simulator sends, and of a file the platform uploads:
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the shared secret>`.
 */
export const PROCESSOR_SIGNATURE_HEADER = 'x-processor-signature';

export function signProcessorPayload(secret: string, body: string, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${hmac(secret, `${timestampSeconds}.${body}`)}`;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

/**
 * Checks a signature header against the body. A signature older (or newer) than `toleranceSeconds` is
 * refused, so a captured request cannot be replayed later.
 */
export function verifyProcessorSignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): SignatureCheck {
  if (!header) return { valid: false, reason: `the ${PROCESSOR_SIGNATURE_HEADER} header is missing` };
  const parts = Object.fromEntries(header.split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts['t']);
  if (!/^\d+$/.test(parts['t'] ?? '') || !/^[0-9a-f]{64}$/.test(parts['v1'] ?? '')) {
    return { valid: false, reason: `the ${PROCESSOR_SIGNATURE_HEADER} header must read t=<unix seconds>,v1=<64 hex digits>` };
  }
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    return { valid: false, reason: `the signature timestamp is more than ${toleranceSeconds} s away from now` };
  }
  const expected = Buffer.from(hmac(secret, `${timestamp}.${body}`), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(parts['v1'], 'hex'))) {
    return { valid: false, reason: 'the signature does not match the body (wrong secret or altered body)' };
  }
  return { valid: true };
}

function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}
