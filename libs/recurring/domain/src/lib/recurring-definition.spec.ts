import { Cycle } from './cycle';
import { isDefinitionActiveIn, recurringDefinition } from './recurring-definition';

const valid = { id: 'd1', shopId: 's1', memberId: 'm1', cardRef: 'card_abc', amount: 1980, currency: 'JPY', dayOfCycle: 27, startCycle: '2026-02' };

describe('recurringDefinition', () => {
  it('holds the amount as integer minor units with its currency', () => {
    const definition = recurringDefinition(valid);
    expect(definition.amount.minorUnits).toBe(1980);
    expect(definition.amount.currencyCode).toBe('JPY');
  });

  it.each([
    [{ amount: 19.8 }, 'amount'],
    [{ amount: 0 }, 'amount'],
    [{ currency: 'XXY' }, 'currency'],
    [{ dayOfCycle: 32 }, 'dayOfCycle'],
    [{ cardRef: '4111 1111' }, 'cardRef'],
    [{ endCycle: '2026-01' }, 'endCycle'],
  ])('refuses %p naming the field %s', (change, field) => {
    expect(() => recurringDefinition({ ...valid, ...change })).toThrow(expect.objectContaining({ code: 'RECURRING_DEFINITION_INVALID', field }));
  });

  it('is active from its start cycle to its end cycle inclusive', () => {
    const definition = recurringDefinition({ ...valid, endCycle: '2026-04' });
    expect(isDefinitionActiveIn(definition, Cycle.of('2026-01'))).toBe(false);
    expect(isDefinitionActiveIn(definition, Cycle.of('2026-02'))).toBe(true);
    expect(isDefinitionActiveIn(definition, Cycle.of('2026-04'))).toBe(true);
    expect(isDefinitionActiveIn(definition, Cycle.of('2026-05'))).toBe(false);
  });
});
