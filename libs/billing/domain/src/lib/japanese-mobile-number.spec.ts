import { normalizeJapaneseMobileNumber } from './japanese-mobile-number';

describe('normalizeJapaneseMobileNumber', () => {
  it.each([
    ['090-1234-5678', '+819012345678'],
    ['08012345678', '+818012345678'],
    ['070 1234 5678', '+817012345678'],
    ['０９０－１２３４－５６７８', '+819012345678'],
    ['+81 90 1234 5678', '+819012345678'],
    ['81-80-1234-5678', '+818012345678'],
    ['(090)1234-5678', '+819012345678'],
  ])('turns %s into %s', (input, expected) => {
    expect(normalizeJapaneseMobileNumber(input)).toBe(expected);
  });

  it.each(['03-1234-5678', '090-1234-567', '060-1234-5678', '+1 415 555 0100', 'abc'])('refuses %s, naming the field', (input) => {
    expect(() => normalizeJapaneseMobileNumber(input, 'phone')).toThrow(expect.objectContaining({ code: 'BILLING_PHONE_INVALID', field: 'phone' }));
  });
});
