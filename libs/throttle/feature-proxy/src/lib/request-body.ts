import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {}

/** Reads the whole request body (the gateway hashes it for idempotency), refusing more than `maxBytes`. */
export async function readRequestBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

/** The payment methods a request concerns, read from a JSON body field (a string or a list of strings). */
export function paymentMethodsIn(body: Buffer, field: string | undefined): string[] {
  if (!field || body.length === 0) return [];
  try {
    const value = (JSON.parse(body.toString('utf8')) as Record<string, unknown>)[field];
    const list = Array.isArray(value) ? value : [value];
    return [...new Set(list.filter((item): item is string => typeof item === 'string' && /^[a-z_]{1,32}$/.test(item)))].slice(0, 4);
  } catch {
    // The service validates the body and says what is wrong; flow control falls back to the merchant's rule.
    return [];
  }
}
