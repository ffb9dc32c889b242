import Ajv from 'ajv';
import { isEmail, isIP, length } from 'class-validator';
import type { ScreeningRequest } from '@kessai/screening-contracts';

const text = (min: number, max: number) => ({ type: 'string', classValidatorLength: [min, max] });
const matching = (pattern: string) => ({ type: 'string', pattern });

/**
 * `ScreeningRequest`'s class-validator rules as one precompiled check (ajv). It is the hot path's first look:
 * a request it accepts is one class-validator accepts (each rule is the same or stricter, e-mail, IP and length
 * use class-validator's own functions); whatever it refuses goes to class-validator, which writes the errors.
 */
const SCREENING_REQUEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['paymentRef', 'amount', 'currency', 'paymentMethod'],
  properties: {
    paymentRef: text(1, 128),
    amount: { type: 'integer', minimum: 0 },
    currency: matching('^[A-Z]{3}$'),
    paymentMethod: { enum: ['card', 'konbini', 'wallet'] },
    phone: matching('^\\+[1-9]\\d{6,14}$'),
    email: { type: 'string', classValidatorEmail: true },
    ip: { type: 'string', classValidatorIp: true },
    deviceId: text(1, 128),
    cardRef: text(1, 64),
    cardBrand: text(1, 32),
    cardCountry: matching('^[A-Z]{2}$'),
    billingCountry: matching('^[A-Z]{2}$'),
    billingPostalCode: text(1, 16),
    shippingCountry: matching('^[A-Z]{2}$'),
    shippingPostalCode: text(1, 16),
    addressesMatch: { type: 'boolean' },
  },
};

const ajv = new Ajv({ allErrors: false, strictTypes: false });
ajv.addKeyword({ keyword: 'classValidatorLength', type: 'string', validate: ([min, max]: [number, number], value: string) => length(value, min, max) });
ajv.addKeyword({ keyword: 'classValidatorEmail', type: 'string', validate: (_: boolean, value: string) => isEmail(value) });
ajv.addKeyword({ keyword: 'classValidatorIp', type: 'string', validate: (_: boolean, value: string) => isIP(value) });

/** True when the body is a valid ScreeningRequest as it stands (no transformation needed). */
export const isValidScreeningRequest = ajv.compile<ScreeningRequest>(SCREENING_REQUEST_SCHEMA);
