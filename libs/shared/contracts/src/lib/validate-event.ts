import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { EventDefinition } from './event-definition';
import { EventEnvelope } from './event-envelope';

export type EventValidation<TPayload extends object> =
  | { valid: true; event: EventEnvelope<TPayload> }
  | { valid: false; reason: string };

/**
 * Checks an inbound event against its contract. Fields a newer minor revision added are tolerated (within a
 * version only optional fields are ever added), so an older consumer keeps working.
 */
export function validateEvent<TPayload extends object>(
  raw: unknown,
  definition: EventDefinition<TPayload>,
): EventValidation<TPayload> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { valid: false, reason: 'the message is not a JSON object' };
  }
  const envelope = plainToInstance(EventEnvelope, raw) as EventEnvelope<TPayload>;
  const envelopeErrors = validateSync(envelope, { forbidUnknownValues: true });
  if (envelopeErrors.length > 0) return { valid: false, reason: `envelope: ${describe(envelopeErrors)}` };
  if (envelope.type !== definition.type || envelope.version !== definition.version) {
    return {
      valid: false,
      reason: `expected ${definition.type} v${definition.version}, got ${envelope.type} v${envelope.version}`,
    };
  }
  const payload = plainToInstance(definition.payload, envelope.payload);
  const payloadErrors = validateSync(payload, { forbidUnknownValues: true });
  if (payloadErrors.length > 0) return { valid: false, reason: `payload: ${describe(payloadErrors)}` };
  envelope.payload = payload;
  return { valid: true, event: envelope };
}

function describe(errors: ValidationError[], parent = ''): string {
  return errors
    .flatMap((error) => {
      const path = parent ? `${parent}.${error.property}` : error.property;
      const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
      const nested = error.children?.length ? [describe(error.children, path)] : [];
      return [...own, ...nested];
    })
    .join('; ');
}
