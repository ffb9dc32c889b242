import { brandOf } from './card-brand';
import { validateCardInput } from './card-input';
import { isLuhnValid, withLuhnCheckDigit } from './luhn';
import { CARD_PROFILES, TEST_CARDS, profileOf } from './test-cards';

const NOW = new Date('2026-11-22T03:00:00Z');
const card = (overrides: Partial<{ number: string; expMonth: number; expYear: number; securityCode: string }> = {}) => ({
  number: '4111111111111111',
  expMonth: 12,
  expYear: 2030,
  securityCode: '123',
  ...overrides,
});

describe('card validation', () => {
  it('accepts every documented test card and gives each a brand', () => {
    for (const testCard of TEST_CARDS) {
      const code = testCard.number.startsWith('37') ? '1234' : '123';
      const facts = validateCardInput(card({ number: testCard.number, securityCode: code }), NOW);
      expect(facts.profile).toBe(testCard.profile);
      expect(facts.last4).toBe(testCard.number.slice(-4));
    }
  });

  it('documents a test card for every card profile', () => {
    expect(new Set(TEST_CARDS.map((c) => c.profile))).toEqual(new Set(CARD_PROFILES));
  });

  it('treats an unlisted valid number as an approving card', () => {
    expect(profileOf(withLuhnCheckDigit('411111111111112'))).toBe('approve');
  });

  it('tells the brand from the leading digits', () => {
    expect(brandOf('4111111111111111')).toBe('visa');
    expect(brandOf('5555555555554444')).toBe('mastercard');
    expect(brandOf('2221000000000009')).toBe('mastercard');
    expect(brandOf('3530111333300000')).toBe('jcb');
    expect(brandOf('378282246310005')).toBe('amex');
    expect(brandOf('3056930009020004')).toBe('diners');
    expect(brandOf('6011111111111117')).toBe('discover');
    expect(brandOf('9111111111111111')).toBeNull();
  });

  it('checks the Luhn digit', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('4111111111111112')).toBe(false);
    expect(isLuhnValid('41111111a1111111')).toBe(false);
  });

  it('refuses a mistyped number naming the field and without echoing the number', () => {
    let error: { code: string; field: string; message: string } | undefined;
    try {
      validateCardInput(card({ number: '4111111111111112' }), NOW);
    } catch (e) {
      error = e as never;
    }
    expect(error).toMatchObject({ code: 'PROCESSOR_CARD_NUMBER_INVALID', field: 'number' });
    expect(error?.message).not.toContain('4111');
  });

  it('refuses a number no brand issues, a bad month, an expired card and a short security code', () => {
    expect(() => validateCardInput(card({ number: withLuhnCheckDigit('911111111111111') }), NOW)).toThrow(
      expect.objectContaining({ code: 'PROCESSOR_CARD_NUMBER_INVALID' }),
    );
    expect(() => validateCardInput(card({ expMonth: 13 }), NOW)).toThrow(expect.objectContaining({ field: 'expMonth' }));
    expect(() => validateCardInput(card({ expMonth: 10, expYear: 2026 }), NOW)).toThrow(
      expect.objectContaining({ code: 'PROCESSOR_CARD_EXPIRED' }),
    );
    expect(() => validateCardInput(card({ securityCode: '12' }), NOW)).toThrow(expect.objectContaining({ field: 'securityCode' }));
    expect(() => validateCardInput(card({ number: '378282246310005', securityCode: '123' }), NOW)).toThrow(
      expect.objectContaining({ field: 'securityCode' }),
    );
  });

  it('accepts a card expiring this very month and a two-digit year', () => {
    expect(validateCardInput(card({ expMonth: 11, expYear: 26 }), NOW)).toMatchObject({ expMonth: 11, expYear: 2026 });
  });
});
