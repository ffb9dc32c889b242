import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';
import { buildEventSchema } from './event-schema.builder';
import { JsonSchema, propertiesOf } from './json-schema';

class InvoiceLine {
  @IsString()
  @Length(1, 40)
  description: string;

  @IsInt()
  @Min(1)
  amount: number;
}

class InvoiceIssuedV1Payload {
  @IsUUID(7)
  invoiceId: string;

  // Decorators in the other order than usual: the schema must not depend on it.
  @Min(0)
  @IsInt()
  total: number;

  @Matches(/^[A-Z]{3}$/)
  currency: string;

  @IsIn(['card', 'konbini'], { each: true })
  @IsNotEmpty()
  methods: string[];

  @IsString()
  @IsNotEmpty()
  issuedBy: string;

  @IsOptional()
  @IsString()
  memo?: string;

  @ValidateNested({ each: true })
  @Type(() => InvoiceLine)
  lines: InvoiceLine[];
}

const InvoiceIssuedV1 = defineEvent({
  type: 'billing.invoice.issued',
  version: 1,
  payload: InvoiceIssuedV1Payload,
  description: 'An invoice was issued.',
});

describe('buildEventSchema', () => {
  const schema = buildEventSchema(InvoiceIssuedV1);
  const envelope = propertiesOf(schema);
  const payload = envelope['payload'];
  const fields = propertiesOf(payload);

  it('describes the whole envelope, fixing its type and version to the event', () => {
    expect(schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'billing.invoice.issued.v1',
      description: 'An invoice was issued.',
    });
    expect(schema['required']).toEqual([
      'correlationId',
      'eventId',
      'merchantId',
      'occurredAt',
      'payload',
      'type',
      'version',
    ]);
    expect(envelope['type']).toMatchObject({ type: 'string', const: 'billing.invoice.issued' });
    expect(envelope['version']).toMatchObject({ type: 'integer', const: 1 });
  });

  it('inlines the payload with its required fields sorted and optional ones left out', () => {
    expect(payload).toMatchObject({ type: 'object', title: 'InvoiceIssuedV1Payload' });
    expect(payload['required']).toEqual(['currency', 'invoiceId', 'issuedBy', 'lines', 'methods', 'total']);
    expect(fields['memo']).toEqual({ type: 'string' });
  });

  it('keeps an integer an integer whatever the order of IsInt and Min', () => {
    expect(fields['total']).toEqual({ type: 'integer', minimum: 0 });
  });

  it('pins a UUID to the version IsUUID asks for', () => {
    expect(fields['invoiceId']).toMatchObject({ type: 'string', format: 'uuid' });
    expect(
      new RegExp(String(fields['invoiceId']['pattern'])).test('0190f4a2-7b3c-7d4e-8f00-123456789abc'),
    ).toBe(true);
    expect(
      new RegExp(String(fields['invoiceId']['pattern'])).test('0190f4a2-7b3c-4d4e-8f00-123456789abc'),
    ).toBe(false);
  });

  it('turns IsIn with each into an array of enum items, and IsNotEmpty on an array into nothing more', () => {
    expect(fields['methods']).toEqual({
      type: 'array',
      items: { type: 'string', enum: ['card', 'konbini'] },
    });
  });

  it('turns IsNotEmpty on a string into a minimum length of one, and Matches into a pattern', () => {
    expect(fields['issuedBy']).toEqual({ type: 'string', minLength: 1 });
    expect(fields['currency']).toEqual({ type: 'string', pattern: '^[A-Z]{3}$' });
  });

  it('inlines nested contract classes named by @Type', () => {
    const items = fields['lines']['items'] as JsonSchema;
    expect(items).toMatchObject({
      type: 'object',
      title: 'InvoiceLine',
      required: ['amount', 'description'],
    });
    expect(propertiesOf(items)['description']).toEqual({ type: 'string', minLength: 1, maxLength: 40 });
  });
});
