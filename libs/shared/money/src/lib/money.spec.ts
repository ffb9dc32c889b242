import { Currency } from './currency';
import { Money } from './money';

describe('Money', () => {
  it('keeps JPY in whole yen and USD in cents', () => {
    expect(Money.of(1500, 'JPY').toDecimalString()).toBe('1500');
    expect(Money.of(1505, 'USD').toDecimalString()).toBe('15.05');
    expect(Money.of(-5, 'USD').toDecimalString()).toBe('-0.05');
    expect(Money.of(1, 'KWD').toDecimalString()).toBe('0.001');
  });

  it('refuses fractional minor units and unknown currencies', () => {
    expect(() => Money.of(10.5, 'JPY')).toThrow(/whole number/);
    expect(() => Money.of(Number.MAX_SAFE_INTEGER + 2, 'JPY')).toThrow(/whole number/);
    expect(() => Money.of(100, 'ABC')).toThrow(/ISO 4217/);
    expect(() => Money.of(100, 'jpy')).toThrow(/ISO 4217/);
    expect(() => Money.of(100, 'XXX')).toThrow(/ISO 4217/);
  });

  it('adds and subtracts only within one currency', () => {
    expect(Money.of(100, 'JPY').add(Money.of(50, 'JPY')).minorUnits).toBe(150);
    expect(Money.of(100, 'JPY').subtract(Money.of(150, 'JPY')).isNegative()).toBe(true);
    expect(() => Money.of(100, 'JPY').add(Money.of(100, 'USD'))).toThrow(/JPY with USD/);
  });

  it('allocates without losing or inventing a single yen', () => {
    const parts = Money.of(1000, 'JPY').allocate([1, 1, 1]);
    expect(parts.map((p) => p.minorUnits)).toEqual([334, 333, 333]);
    expect(Money.of(-100, 'JPY').allocate([1, 2]).map((p) => p.minorUnits)).toEqual([-34, -66]);
    expect(Money.of(5, 'JPY').allocate([0, 1]).map((p) => p.minorUnits)).toEqual([0, 5]);
  });

  it('serializes as integer minor units with the currency code', () => {
    expect(JSON.stringify(Money.of(1500, 'JPY'))).toBe('{"amount":1500,"currency":"JPY"}');
  });

  it('knows the ISO 4217 minor-unit digits', () => {
    expect(Currency.of('JPY').minorUnitDigits).toBe(0);
    expect(Currency.of('EUR').minorUnitDigits).toBe(2);
    expect(Currency.isValid('ZZZ')).toBe(false);
  });
});
