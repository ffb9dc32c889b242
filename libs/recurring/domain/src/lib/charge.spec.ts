import { Money } from '@kessai/shared-money';
import { Charge, acceptChargeUnderFloorLimit, authorizeCharge, authorizeChargeOnRetry, captureCharge, declineCharge, declineChargeSettlement } from './charge';
import { DEFINITION_CHARGE_KEY_SQL, chargeKey } from './charge-key';
import { Cycle } from './cycle';

const pending: Charge = {
  id: 'c1',
  key: 'def:d1:2026-02',
  shopId: 's1',
  cycle: '2026-02',
  cardRef: 'card_1',
  amount: Money.of(500, 'JPY'),
  status: 'pending',
  authorizationId: null,
  floorLimit: false,
  declineCode: null,
};

describe('charge transitions', () => {
  it('goes pending → authorized → captured', () => {
    const captured = captureCharge(authorizeCharge(pending, 'auth_1'), 'sale_1');
    expect(captured).toMatchObject({ status: 'captured', authorizationId: 'auth_1' });
  });

  it('goes pending → declined with the decline code', () => {
    expect(declineCharge(pending, '51')).toMatchObject({ status: 'declined', declineCode: '51' });
  });

  it('accepts a floor-limit charge as authorized without an authorization id', () => {
    expect(acceptChargeUnderFloorLimit(pending)).toMatchObject({ status: 'authorized', floorLimit: true, authorizationId: null });
  });

  it('declines an authorized charge at settlement', () => {
    expect(declineChargeSettlement(authorizeCharge(pending, 'a'), '05').status).toBe('settlement_declined');
  });

  it('refuses to authorize a charge twice', () => {
    const authorized = authorizeCharge(pending, 'auth_1');
    expect(() => authorizeCharge(authorized, 'auth_2')).toThrow(expect.objectContaining({ code: 'RECURRING_CHARGE_TRANSITION_NOT_ALLOWED' }));
  });

  it('refuses to capture a charge twice or capture a declined one', () => {
    const captured = captureCharge(authorizeCharge(pending, 'auth_1'), 'sale_1');
    expect(() => captureCharge(captured, 'sale_2')).toThrow('only a authorized charge can be captured');
    expect(() => captureCharge(declineCharge(pending, '51'), 'sale_3')).toThrow(expect.objectContaining({ code: 'RECURRING_CHARGE_TRANSITION_NOT_ALLOWED' }));
  });
});

describe('chargeKey', () => {
  it('is one key per definition and cycle, the same on every replay', () => {
    const source = { kind: 'definition', definitionId: 'd1' } as const;
    expect(chargeKey(source, Cycle.of('2026-02'))).toBe('def:d1:2026-02');
    expect(chargeKey(source, Cycle.of('2026-02'))).toBe(chargeKey(source, Cycle.of('2026-02')));
    expect(chargeKey(source, Cycle.of('2026-03'))).not.toBe(chargeKey(source, Cycle.of('2026-02')));
  });

  it('keys a file line by file, line and cycle', () => {
    expect(chargeKey({ kind: 'file-line', fileId: 'f1', line: 12 }, Cycle.of('2026-02'))).toBe('line:f1:12:2026-02');
  });

  it('builds the same key in SQL as in TypeScript', () => {
    expect(DEFINITION_CHARGE_KEY_SQL('d.id', '$1')).toBe("'def:' || d.id || ':' || $1");
  });

  it('refuses a key the processor would not accept as an idempotency key', () => {
    expect(() => chargeKey({ kind: 'definition', definitionId: 'x'.repeat(130) }, Cycle.of('2026-02'))).toThrow('128 printable');
  });

  it('records the sale of a captured charge and refuses to capture a charge that was declined at settlement', () => {
    const settled = captureCharge(authorizeCharge(pending, 'auth_9'), 'sale_9');
    expect(settled).toMatchObject({ status: 'captured', saleId: 'sale_9' });
    expect(() => captureCharge(declineChargeSettlement(authorizeCharge(pending, 'a'), '05'), 's')).toThrow('only a authorized charge can be captured');
  });

  it('authorizes a declined charge again on a dunning retry, and only a declined one', () => {
    const retried = authorizeChargeOnRetry(declineCharge(pending, '51'), 'auth_retry');
    expect(retried).toMatchObject({ status: 'authorized', authorizationId: 'auth_retry', declineCode: null });
    expect(() => authorizeChargeOnRetry(retried, 'again')).toThrow(expect.objectContaining({ code: 'RECURRING_CHARGE_TRANSITION_NOT_ALLOWED' }));
  });
});
