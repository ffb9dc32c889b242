import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ScreeningRequest } from '@kessai/screening-contracts';
import { decidePaymentRequest } from './decide-payment.request';
import { isValidScreeningRequest } from './screening-request.schema';

const valid = {
  paymentRef: 'pay-1',
  amount: 1200,
  currency: 'JPY',
  paymentMethod: 'card',
  phone: '+819012345678',
  email: 'hanako@example.com',
  ip: '203.0.113.7',
  deviceId: 'device-1',
  cardRef: 'card-1',
  cardBrand: 'visa',
  cardCountry: 'JP',
  billingCountry: 'JP',
  billingPostalCode: '100-0001',
  shippingCountry: 'JP',
  shippingPostalCode: '100-0001',
  addressesMatch: true,
};

const variants: Record<string, unknown>[] = [
  valid,
  { paymentRef: 'pay-2', amount: 0, currency: 'USD', paymentMethod: 'konbini' },
  { ...valid, amount: 12.5 },
  { ...valid, amount: -1 },
  { ...valid, amount: '1200' },
  { ...valid, currency: 'jpy' },
  { ...valid, paymentMethod: 'cash' },
  { ...valid, phone: '090-1234-5678' },
  { ...valid, email: 'not-an-email' },
  { ...valid, email: 'a@b' },
  { ...valid, ip: '999.1.1.1' },
  { ...valid, ip: '2001:db8::1' },
  { ...valid, deviceId: '' },
  { ...valid, deviceId: 'x'.repeat(129) },
  { ...valid, cardRef: '\uFE0F' },
  { ...valid, cardCountry: 'JPN' },
  { ...valid, addressesMatch: 'yes' },
  { ...valid, phone: null },
  { ...valid, cardNumber: '4111111111111111' },
  { amount: 1200, currency: 'JPY', paymentMethod: 'card' },
];

const classValidatorAccepts = (body: object) =>
  validateSync(plainToInstance(ScreeningRequest, body), { whitelist: true, forbidNonWhitelisted: true }).length === 0;

describe('decidePaymentRequest', () => {
  it.each(variants.map((body, i) => [i, body]))('never lets the precompiled check accept what class-validator refuses (variant %i)', (_, body) => {
    if (isValidScreeningRequest(body)) expect(classValidatorAccepts(body)).toBe(true);
  });

  it('accepts the usual requests on the precompiled check alone', () => {
    expect(isValidScreeningRequest(valid)).toBe(true);
    expect(isValidScreeningRequest(variants[1])).toBe(true);
    expect(decidePaymentRequest(valid)).toEqual({ ok: true, value: valid });
  });

  it('names each wrong field with class-validator messages, the error format of every other route', () => {
    const result = decidePaymentRequest({ ...valid, phone: '090-1234', email: 'nope', cardNumber: '4111111111111111' });
    if (result.ok) throw new Error('the request is invalid');
    expect(result.error.error.code).toBe('VALIDATION_FAILED');
    expect((result.error.error.details ?? []).map((d) => d.field).sort()).toEqual(['cardNumber', 'email', 'phone']);
    expect(result.error.error.message).toContain('email must be an email');
  });

  it('still accepts what class-validator accepts but the precompiled check is stricter about (an absent field sent as null)', () => {
    expect(decidePaymentRequest({ ...valid, phone: null })).toMatchObject({ ok: true });
  });
});
