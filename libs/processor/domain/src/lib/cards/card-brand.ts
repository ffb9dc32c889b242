export const CARD_BRANDS = ['visa', 'mastercard', 'jcb', 'amex', 'diners', 'discover'] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];

interface BrandRule {
  brand: CardBrand;
  /** Inclusive ranges of the leading digits (IIN), compared on the same number of digits. */
  ranges: [string, string][];
  lengths: number[];
  securityCodeLength: number;
}

const RULES: BrandRule[] = [
  { brand: 'amex', ranges: [['34', '34'], ['37', '37']], lengths: [15], securityCodeLength: 4 },
  { brand: 'jcb', ranges: [['3528', '3589']], lengths: [16, 17, 18, 19], securityCodeLength: 3 },
  { brand: 'diners', ranges: [['300', '305'], ['36', '36'], ['38', '39']], lengths: [14, 15, 16, 17, 18, 19], securityCodeLength: 3 },
  { brand: 'discover', ranges: [['6011', '6011'], ['644', '649'], ['65', '65']], lengths: [16, 17, 18, 19], securityCodeLength: 3 },
  { brand: 'mastercard', ranges: [['51', '55'], ['2221', '2720']], lengths: [16], securityCodeLength: 3 },
  { brand: 'visa', ranges: [['4', '4']], lengths: [13, 16, 19], securityCodeLength: 3 },
];

/** The brand a card number belongs to, from its leading digits and length; null when no network issues it. */
export function brandOf(cardNumber: string): CardBrand | null {
  const rule = ruleOf(cardNumber);
  return rule && rule.lengths.includes(cardNumber.length) ? rule.brand : null;
}

export function securityCodeLengthOf(brand: CardBrand): number {
  return RULES.find((rule) => rule.brand === brand)?.securityCodeLength ?? 3;
}

function ruleOf(cardNumber: string): BrandRule | undefined {
  return RULES.find((rule) =>
    rule.ranges.some(([low, high]) => {
      const prefix = cardNumber.slice(0, low.length);
      return prefix.length === low.length && prefix >= low && prefix <= high;
    }),
  );
}
