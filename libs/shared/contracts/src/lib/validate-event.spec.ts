import { IsInt, IsString, Min } from 'class-validator';
import { defineEvent } from './event-definition';
import { validateEvent } from './validate-event';

class ExamplePaid {
  @IsString()
  billId: string;

  @IsInt()
  @Min(1)
  amount: number;
}

const ExamplePaidV1 = defineEvent({
  type: 'example.bill.paid',
  version: 1,
  payload: ExamplePaid,
  description: 'A bill was paid.',
});

const valid = {
  eventId: '019a9a3c-7b2e-7cc1-8d4e-3f6a2b1c0d9e',
  type: 'example.bill.paid',
  version: 1,
  occurredAt: '2026-11-22T01:02:03.000Z',
  merchantId: 'merchant-1',
  correlationId: 'req-1',
  payload: { billId: 'b-1', amount: 1500 },
};

describe('validateEvent', () => {
  it('names the topic after type and version', () => {
    expect(ExamplePaidV1.topic).toBe('example.bill.paid.v1');
  });

  it('accepts a well-formed event and tolerates fields added later', () => {
    const result = validateEvent({ ...valid, payload: { ...valid.payload, note: 'added in 1.1' } }, ExamplePaidV1);
    expect(result.valid).toBe(true);
    if (result.valid) expect(result.event.payload).toBeInstanceOf(ExamplePaid);
  });

  it('says which payload field is wrong', () => {
    const result = validateEvent({ ...valid, payload: { billId: 'b-1', amount: 12.5 } }, ExamplePaidV1);
    expect(result).toEqual({ valid: false, reason: expect.stringContaining('payload: amount: amount must be an integer') });
  });

  it('says which envelope field is wrong', () => {
    const result = validateEvent({ ...valid, eventId: 'not-a-uuid', merchantId: '' }, ExamplePaidV1);
    expect(result.valid).toBe(false);
    if (!result.valid) {
      expect(result.reason).toContain('eventId');
      expect(result.reason).toContain('merchantId');
    }
  });

  it('rejects an event of another type or version', () => {
    expect(validateEvent({ ...valid, version: 2 }, ExamplePaidV1)).toEqual({
      valid: false,
      reason: 'expected example.bill.paid v1, got example.bill.paid v2',
    });
  });

  it('rejects something that is not an object', () => {
    expect(validateEvent('hello', ExamplePaidV1)).toEqual({ valid: false, reason: 'the message is not a JSON object' });
  });

  it('refuses to define a badly named event', () => {
    expect(() => defineEvent({ type: 'BillPaid', version: 1, payload: ExamplePaid, description: '' })).toThrow(
      /<context>.<aggregate>.<verb>/,
    );
  });
});
