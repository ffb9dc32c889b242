import { ProcessorException } from '@kessai/processor-domain';
import { AuthorizeCardCommand } from '../authorize-card/authorize-card.command';

const MERCHANT = /^[\w-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURRENCY = /^[A-Z]{3}$/;
const KEY = /^[\x21-\x7e]{1,128}$/;

/**
 * Reads one NDJSON line of the bulk API, with the same rules as the single call's DTO but without
 * class-validator's per-object cost (the bulk API reads tens of thousands of lines a second).
 */
export function parseBulkAuthorizationLine(text: string, line: number): AuthorizeCardCommand {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ProcessorException('PROCESSOR_NDJSON_LINE_INVALID', `Line ${line} is not a JSON object`, undefined, line);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProcessorException('PROCESSOR_NDJSON_LINE_INVALID', `Line ${line} is not a JSON object`, undefined, line);
  }
  const { merchantId, cardId, amount, currency, idempotencyKey } = value;
  const bad = (field: string, what: string) =>
    new ProcessorException('PROCESSOR_NDJSON_LINE_INVALID', `Line ${line}, ${field}: must be ${what}`, field, line);
  if (typeof merchantId !== 'string' || !MERCHANT.test(merchantId)) throw bad('merchantId', '1 to 64 letters, digits, _ or -');
  if (typeof cardId !== 'string' || !UUID.test(cardId)) throw bad('cardId', 'a card id (UUID)');
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > 999_999_999_999) {
    throw bad('amount', 'a positive whole number of minor units');
  }
  if (typeof currency !== 'string' || !CURRENCY.test(currency)) throw bad('currency', 'an ISO 4217 code such as JPY');
  if (typeof idempotencyKey !== 'string' || !KEY.test(idempotencyKey)) throw bad('idempotencyKey', '1 to 128 printable characters');
  return new AuthorizeCardCommand(merchantId, cardId, amount, currency, idempotencyKey);
}
