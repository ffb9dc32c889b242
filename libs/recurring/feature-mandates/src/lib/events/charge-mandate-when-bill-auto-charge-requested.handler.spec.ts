import type { EntityManager } from 'typeorm';
import { BillAutoChargeRequestedV1Payload } from '@kessai/billing-contracts';
import { BillChargeAuthorizedV1, BillChargeDeclinedV1 } from '@kessai/recurring-contracts';
import { BillChargeRecord, BillChargeRepository } from '@kessai/recurring-data-access';
import { FixedClock } from '@kessai/shared-clock';
import { EventEnvelope } from '@kessai/shared-contracts';
import { OutboxWriter, UnprocessableEventError } from '@kessai/shared-messaging';
import { MandateAuthorizationResult, MandateAuthorizationsClient } from '../processor/mandate-authorizations.client';
import { MandateChargeScreening, MandateChargeVerdict } from '../screening/mandate-charge-screening';
import { ChargeMandateWhenBillAutoChargeRequestedHandler } from './charge-mandate-when-bill-auto-charge-requested.handler';

describe('ChargeMandateWhenBillAutoChargeRequestedHandler', () => {
  const transaction = {} as EntityManager;
  const billId = '01a232fc-5e35-764b-8eda-0bce3905aaca';
  const event = {
    eventId: 'e-1',
    merchantId: 'shop-1',
    payload: Object.assign(new BillAutoChargeRequestedV1Payload(), { billId, merchantBillNumber: 'INV-1', mandateId: 'consent-1', amount: 3300, currency: 'JPY' }),
  } as EventEnvelope<BillAutoChargeRequestedV1Payload>;
  let charges: Map<string, BillChargeRecord>;
  let cards: Map<string, { cardRef: string; customerPhone: string; revoked: boolean }>;
  let verdict: MandateChargeVerdict;
  let check: jest.Mock;
  let answer: MandateAuthorizationResult;
  let authorize: jest.Mock;
  let add: jest.Mock;
  let handler: ChargeMandateWhenBillAutoChargeRequestedHandler;

  beforeEach(() => {
    charges = new Map();
    cards = new Map([['consent-1', { cardRef: 'card-1', customerPhone: '+819012345678', revoked: false }]]);
    verdict = { screenedOut: false };
    check = jest.fn(async () => verdict);
    authorize = jest.fn(async () => answer);
    add = jest.fn();
    const repository = {
      find: jest.fn(async (_t, key: string) => charges.get(key) ?? null),
      cardOfMandate: jest.fn(async (_t, _shop, mandateId: string) => cards.get(mandateId) ?? null),
      insertIfAbsent: jest.fn(async (_t, charge: BillChargeRecord) => {
        if (charges.has(charge.chargeKey)) return false;
        charges.set(charge.chargeKey, charge);
        return true;
      }),
    } as unknown as BillChargeRepository;
    handler = new ChargeMandateWhenBillAutoChargeRequestedHandler(
      repository,
      { authorize } as unknown as MandateAuthorizationsClient,
      { check } as unknown as MandateChargeScreening,
      { add } as unknown as OutboxWriter,
      new FixedClock('2026-11-30T16:00:00Z'),
    );
  });

  const approved = (authorizationId: string): MandateAuthorizationResult => ({
    ok: true,
    body: { authorizationId, merchantId: 'shop-1', cardId: 'card-1', amount: 3300, currency: 'JPY', status: 'approved', reasonCode: '00', reason: 'approved', createdAt: '' },
  });

  it('authorizes the mandate\'s card with the bill\'s charge key, records the charge in Japan\'s cycle and announces it', async () => {
    answer = approved('auth-1');
    await handler.handle(event, transaction);
    expect(authorize).toHaveBeenCalledWith({ merchantId: 'shop-1', cardId: 'card-1', amount: 3300, currency: 'JPY', idempotencyKey: `bill:${billId}` });
    expect(charges.get(`bill:${billId}`)).toMatchObject({ status: 'authorized', authorizationId: 'auth-1', cycle: '2026-12', chargeDate: '2026-12-01' });
    expect(add).toHaveBeenCalledWith(transaction, BillChargeAuthorizedV1, {
      merchantId: 'shop-1',
      payload: expect.objectContaining({ billId, mandateId: 'consent-1', chargeKey: `bill:${billId}`, authorizationId: 'auth-1', amount: 3300 }),
    });
  });

  it('does not ask the processor again for a bill whose charge is recorded', async () => {
    answer = approved('auth-1');
    await handler.handle(event, transaction);
    await handler.handle(event, transaction);
    expect(authorize).toHaveBeenCalledTimes(1);
    expect(add).toHaveBeenCalledTimes(1);
  });

  it('records and announces a decline with the processor\'s code', async () => {
    answer = { ok: true, body: { ...(approved('auth-2') as { body: object }).body, status: 'declined', reasonCode: '51' } as never };
    await handler.handle(event, transaction);
    expect(charges.get(`bill:${billId}`)).toMatchObject({ status: 'declined', declineCode: '51', authorizationId: null });
    expect(add).toHaveBeenCalledWith(transaction, BillChargeDeclinedV1, { merchantId: 'shop-1', payload: expect.objectContaining({ billId, declineCode: '51' }) });
  });

  it('declines without calling the processor when the shop has no such mandate', async () => {
    cards.clear();
    await handler.handle(event, transaction);
    expect(authorize).not.toHaveBeenCalled();
    expect(add).toHaveBeenCalledWith(transaction, BillChargeDeclinedV1, { merchantId: 'shop-1', payload: expect.objectContaining({ declineCode: 'MANDATE_NOT_FOUND' }) });
  });

  it('declines without calling the processor when the mandate was revoked, so billing sends the payment link', async () => {
    cards.set('consent-1', { cardRef: 'card-1', customerPhone: '+819012345678', revoked: true });
    await handler.handle(event, transaction);
    expect(authorize).not.toHaveBeenCalled();
    expect(charges.size).toBe(0);
    expect(add).toHaveBeenCalledWith(transaction, BillChargeDeclinedV1, { merchantId: 'shop-1', payload: expect.objectContaining({ billId, declineCode: 'MANDATE_REVOKED' }) });
  });

  it('asks credit screening about the charge with the customer\'s phone, and declines a screened-out charge without calling the processor', async () => {
    verdict = { screenedOut: true, declineCode: 'screening_declined' };
    await handler.handle(event, transaction);
    expect(check).toHaveBeenCalledWith('shop-1', { chargeKey: `bill:${billId}`, amount: 3300, currency: 'JPY', cardRef: 'card-1', customerPhone: '+819012345678' });
    expect(authorize).not.toHaveBeenCalled();
    expect(charges.get(`bill:${billId}`)).toMatchObject({ status: 'declined', declineCode: 'screening_declined' });
    expect(add).toHaveBeenCalledWith(transaction, BillChargeDeclinedV1, { merchantId: 'shop-1', payload: expect.objectContaining({ billId, declineCode: 'screening_declined' }) });
  });

  it('throws on a processor outage so the consumer retries with the same key, recording nothing', async () => {
    answer = { ok: false, status: 503, code: 'PROCESSOR_SYSTEM_UNAVAILABLE', message: 'down' };
    await expect(handler.handle(event, transaction)).rejects.toThrow(/503/);
    expect(charges.size).toBe(0);
    expect(add).not.toHaveBeenCalled();
  });

  it('dead-letters a request the processor refuses as a conflicting reuse of the key', async () => {
    answer = { ok: false, status: 409, code: 'PROCESSOR_IDEMPOTENCY_KEY_CONFLICT', message: 'other amount' };
    await expect(handler.handle(event, transaction)).rejects.toBeInstanceOf(UnprocessableEventError);
  });
});
