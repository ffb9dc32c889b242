import { decidePaymentsInBulkRequest, MAX_BULK_DECISIONS } from './decide-payments-in-bulk.request';

const valid = { paymentRef: 'charge-1', amount: 1000, currency: 'JPY', paymentMethod: 'card', cardRef: 'card-1' };

describe('decidePaymentsInBulkRequest', () => {
  it('refuses a bulk with more requests than one call may carry', () => {
    const result = decidePaymentsInBulkRequest({ requests: Array.from({ length: MAX_BULK_DECISIONS + 1 }, () => valid) });
    expect(result).toMatchObject({ ok: false, error: { error: { code: 'VALIDATION_FAILED', field: 'requests' } } });
  });

  it('answers a bad request alone, naming its position and field, and keeps the valid ones', () => {
    const result = decidePaymentsInBulkRequest({ requests: [valid, { ...valid, phone: '090-1234' }, { ...valid, cardNumber: '4111111111111111' }] });
    if (!result.ok) throw new Error('the envelope is valid');
    expect(result.value[0]).toHaveProperty('request.paymentRef', 'charge-1');
    expect(result.value[1]).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'requests[1].phone' } });
    expect(result.value[2]).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'requests[2].cardNumber' } });
  });

  it('refuses a body that is not an object with a requests array', () => {
    expect(decidePaymentsInBulkRequest([valid])).toMatchObject({ ok: false, error: { error: { field: 'requests' } } });
    expect(decidePaymentsInBulkRequest({ requests: [], extra: 1 })).toMatchObject({ ok: false });
  });
});
