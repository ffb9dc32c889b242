import { describeBreakingChange, findBreakingChanges } from './schema-compatibility';
import type { JsonSchema } from './json-schema';

// A published event shaped like the generated ones: an envelope with the payload inlined.
function billCreated(
  changePayload: (
    payload: JsonSchema & { properties: Record<string, JsonSchema>; required: string[] },
  ) => void = () => undefined,
): JsonSchema {
  const payload = {
    type: 'object',
    title: 'BillCreatedV1Payload',
    properties: {
      billId: { type: 'string', format: 'uuid' },
      merchantBillNumber: { type: 'string', minLength: 1, maxLength: 64 },
      amount: { type: 'integer', minimum: 1 },
      currency: { type: 'string', pattern: '^[A-Z]{3}$' },
      note: { type: 'string', maxLength: 200 },
      allowedPaymentMethods: {
        type: 'array',
        items: { type: 'string', enum: ['card', 'konbini', 'wallet'] },
      },
    } as Record<string, JsonSchema>,
    required: ['allowedPaymentMethods', 'amount', 'billId', 'currency', 'merchantBillNumber'],
  };
  changePayload(payload);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      eventId: { type: 'string', format: 'uuid' },
      merchantId: { type: 'string', minLength: 1 },
      payload,
    },
    required: ['eventId', 'merchantId', 'payload'],
  };
}

function changesBetween(published: JsonSchema, current: JsonSchema): string[] {
  return findBreakingChanges(published, current).map((change) =>
    describeBreakingChange('billing.bill.created.v1', change),
  );
}

describe('findBreakingChanges', () => {
  it('finds nothing in an unchanged schema', () => {
    expect(changesBetween(billCreated(), billCreated())).toEqual([]);
  });

  it('finds nothing when only titles and descriptions change', () => {
    const current = billCreated((payload) => {
      payload.properties['amount'] = {
        ...payload.properties['amount'],
        description: 'Amount in minor units.',
      };
      payload['title'] = 'RenamedPayload';
    });

    expect(changesBetween(billCreated(), current)).toEqual([]);
  });

  describe('removing a field', () => {
    it('breaks when a required field is removed', () => {
      const current = billCreated((payload) => {
        delete payload.properties['currency'];
        payload.required = payload.required.filter((name) => name !== 'currency');
      });

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.currency: field removed',
      ]);
    });

    it('breaks when an optional field is removed, because consumers may read it', () => {
      const current = billCreated((payload) => delete payload.properties['note']);

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.note: field removed',
      ]);
    });
  });

  describe("changing a field's type", () => {
    it('breaks when an integer amount becomes a string', () => {
      const current = billCreated(
        (payload) => (payload.properties['amount'] = { type: 'string', minimum: 1 }),
      );

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.amount: type changed from integer to string',
      ]);
    });

    it('accepts a field whose type stays the same while its documentation changes', () => {
      const current = billCreated(
        (payload) => (payload.properties['amount'] = { type: 'integer', minimum: 1, title: 'Amount' }),
      );

      expect(changesBetween(billCreated(), current)).toEqual([]);
    });
  });

  describe('required and optional fields', () => {
    it('breaks when an optional field is made required, because events already published lack it', () => {
      const current = billCreated((payload) => payload.required.push('note'));

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.note: optional field made required',
      ]);
    });

    it('breaks when a required field is made optional, because consumers read it unconditionally', () => {
      const current = billCreated(
        (payload) => (payload.required = payload.required.filter((name) => name !== 'amount')),
      );

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.amount: required field made optional',
      ]);
    });

    it('breaks when a new required field is added', () => {
      const current = billCreated((payload) => {
        payload.properties['customerEmail'] = { type: 'string', format: 'email' };
        payload.required.push('customerEmail');
      });

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.customerEmail: new required field added',
      ]);
    });

    it('accepts a new optional field', () => {
      const current = billCreated(
        (payload) => (payload.properties['customerEmail'] = { type: 'string', format: 'email' }),
      );

      expect(changesBetween(billCreated(), current)).toEqual([]);
    });
  });

  describe('enums', () => {
    it('breaks when an enum of array items is narrowed, naming the values no longer allowed', () => {
      const current = billCreated(
        (payload) =>
          (payload.properties['allowedPaymentMethods'] = {
            type: 'array',
            items: { type: 'string', enum: ['card', 'konbini'] },
          }),
      );

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.allowedPaymentMethods[]: enum narrowed: ["wallet"] no longer allowed (was ["card","konbini","wallet"], now ["card","konbini"])',
      ]);
    });

    it('accepts an enum that is only reordered', () => {
      const current = billCreated(
        (payload) =>
          (payload.properties['allowedPaymentMethods'] = {
            type: 'array',
            items: { type: 'string', enum: ['wallet', 'card', 'konbini'] },
          }),
      );

      expect(changesBetween(billCreated(), current)).toEqual([]);
    });

    it('breaks when an enum is widened, because consumers of the version reject the new value', () => {
      const current = billCreated(
        (payload) =>
          (payload.properties['allowedPaymentMethods'] = {
            type: 'array',
            items: { type: 'string', enum: ['card', 'konbini', 'wallet', 'bank'] },
          }),
      );

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.allowedPaymentMethods[]: enum widened: consumers of this version would reject ["bank"]',
      ]);
    });

    it('breaks when a free field is restricted to an enum', () => {
      const current = billCreated(
        (payload) =>
          (payload.properties['currency'] = { type: 'string', pattern: '^[A-Z]{3}$', enum: ['JPY'] }),
      );

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.currency: enum added: only ["JPY"] allowed now',
      ]);
    });
  });

  describe('constraints', () => {
    it('breaks when a minimum is raised', () => {
      const current = billCreated(
        (payload) => (payload.properties['amount'] = { type: 'integer', minimum: 100 }),
      );

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.amount: minimum raised from 1 to 100',
      ]);
    });

    it('breaks when a minimum is lowered, because consumers of the version reject the new values', () => {
      const current = billCreated(
        (payload) => (payload.properties['amount'] = { type: 'integer', minimum: 0 }),
      );

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.amount: minimum lowered from 1 to 0',
      ]);
    });

    it('breaks when a maximum length is lowered', () => {
      const current = billCreated(
        (payload) =>
          (payload.properties['merchantBillNumber'] = { type: 'string', minLength: 1, maxLength: 32 }),
      );

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.merchantBillNumber: maxLength lowered from 64 to 32',
      ]);
    });

    it('breaks when a maximum length is raised', () => {
      const current = billCreated(
        (payload) =>
          (payload.properties['merchantBillNumber'] = { type: 'string', minLength: 1, maxLength: 128 }),
      );

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.merchantBillNumber: maxLength raised from 64 to 128',
      ]);
    });

    it('breaks when a bound is added where there was none', () => {
      const current = billCreated(
        (payload) => (payload.properties['amount'] = { type: 'integer', minimum: 1, maximum: 10_000_000 }),
      );

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.amount: maximum 10000000 added',
      ]);
    });

    it('breaks when a pattern changes', () => {
      const current = billCreated(
        (payload) => (payload.properties['currency'] = { type: 'string', pattern: '^[A-Z]{3,4}$' }),
      );

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.currency: pattern changed from "^[A-Z]{3}$" to "^[A-Z]{3,4}$"',
      ]);
    });

    it('breaks when a format is added', () => {
      const current = billCreated(
        (payload) =>
          (payload.properties['merchantBillNumber'] = {
            type: 'string',
            minLength: 1,
            maxLength: 64,
            format: 'uuid',
          }),
      );

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.merchantBillNumber: format "uuid" added',
      ]);
    });

    it('breaks when a pattern is dropped', () => {
      const current = billCreated((payload) => (payload.properties['currency'] = { type: 'string' }));

      expect(changesBetween(billCreated(), current)).toEqual([
        'billing.bill.created.v1: payload.currency: pattern "^[A-Z]{3}$" dropped',
      ]);
    });
  });

  it('lists every breaking change at once, in field order', () => {
    const current = billCreated((payload) => {
      delete payload.properties['billId'];
      payload.properties['amount'] = { type: 'number', minimum: 1 };
    });

    expect(changesBetween(billCreated(), current)).toEqual([
      'billing.bill.created.v1: payload.amount: type changed from integer to number',
      'billing.bill.created.v1: payload.billId: field removed',
    ]);
  });
});
