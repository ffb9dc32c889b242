import type { EntityManager } from 'typeorm';
import { BillAutoChargeRefusedV1Payload } from '@kessai/billing-contracts';
import { BillChargeRepository } from '@kessai/recurring-data-access';
import { EventEnvelope } from '@kessai/shared-contracts';
import { UnprocessableEventError } from '@kessai/shared-messaging';
import { MandateAuthorizationResult, MandateAuthorizationsClient } from '../processor/mandate-authorizations.client';
import { ReleaseBillChargeWhenAutoChargeRefusedHandler } from './release-bill-charge-when-auto-charge-refused.handler';

describe('ReleaseBillChargeWhenAutoChargeRefusedHandler', () => {
  const transaction = {} as EntityManager;
  const event = {
    eventId: 'e-1',
    merchantId: 'shop-1',
    payload: Object.assign(new BillAutoChargeRefusedV1Payload(), { billId: 'b-1', chargeKey: 'bill:b-1', authorizationId: 'auth-1', reason: 'BILLING_BILL_TRANSITION_NOT_ALLOWED: canceled' }),
  } as EventEnvelope<BillAutoChargeRefusedV1Payload>;
  let charge: { status: string; authorizationId: string | null } | null;
  let answer: MandateAuthorizationResult;
  let cancel: jest.Mock;
  let markCanceled: jest.Mock;
  let handler: ReleaseBillChargeWhenAutoChargeRefusedHandler;

  beforeEach(() => {
    charge = { status: 'authorized', authorizationId: 'auth-1' };
    answer = { ok: true, body: {} as never };
    cancel = jest.fn(async () => answer);
    markCanceled = jest.fn(async () => {
      if (charge) charge.status = 'canceled';
    });
    handler = new ReleaseBillChargeWhenAutoChargeRefusedHandler(
      { lock: jest.fn(async () => charge && { ...charge }), markCanceled } as unknown as BillChargeRepository,
      { cancel } as unknown as MandateAuthorizationsClient,
    );
  });

  it('releases the authorization at the processor and cancels the charge, once', async () => {
    await handler.handle(event, transaction);
    await handler.handle(event, transaction);
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(cancel).toHaveBeenCalledWith('shop-1', 'auth-1');
    expect(markCanceled).toHaveBeenCalledWith(transaction, 'bill:b-1');
  });

  it('leaves a captured charge to an operator (dead letter naming the refund), asking the processor nothing', async () => {
    charge = { status: 'captured', authorizationId: 'auth-1' };
    await expect(handler.handle(event, transaction)).rejects.toThrow(/captured.*refund the sale/);
    expect(cancel).not.toHaveBeenCalled();
  });

  it('dead-letters an event naming another authorization than the charge\'s', async () => {
    charge = { status: 'authorized', authorizationId: 'auth-2' };
    await expect(handler.handle(event, transaction)).rejects.toBeInstanceOf(UnprocessableEventError);
  });

  it('retries on a processor outage and dead-letters a refusal, canceling nothing', async () => {
    answer = { ok: false, status: 503, code: 'PROCESSOR_UNREACHABLE', message: 'down' };
    await expect(handler.handle(event, transaction)).rejects.not.toBeInstanceOf(UnprocessableEventError);
    answer = { ok: false, status: 422, code: 'PROCESSOR_AUTHORIZATION_NOT_ALLOWED', message: 'captured' };
    await expect(handler.handle(event, transaction)).rejects.toBeInstanceOf(UnprocessableEventError);
    expect(markCanceled).not.toHaveBeenCalled();
  });
});
