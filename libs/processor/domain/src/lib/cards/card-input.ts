import { ProcessorException } from '../processor.exception';
import { CardBrand, brandOf, securityCodeLengthOf } from './card-brand';
import { isLuhnValid } from './luhn';
import { CardProfile, profileOf } from './test-cards';

export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  securityCode: string;
}

/** What the simulator keeps of a card: never the number or the security code. */
export interface CardFacts {
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  profile: CardProfile;
}

/**
 * Validates card data as the card network would at tokenization, and returns only what may be stored.
 * Errors name the field and never echo the number.
 */
export function validateCardInput(input: CardInput, now: Date): CardFacts {
  const number = input.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number)) {
    throw new ProcessorException('PROCESSOR_CARD_NUMBER_INVALID', 'The card number must have 12 to 19 digits', 'number');
  }
  if (!isLuhnValid(number)) {
    throw new ProcessorException('PROCESSOR_CARD_NUMBER_INVALID', 'The card number is mistyped (its check digit does not match)', 'number');
  }
  const brand = brandOf(number);
  if (!brand) {
    throw new ProcessorException('PROCESSOR_CARD_NUMBER_INVALID', 'No supported card brand issues this card number', 'number');
  }
  if (!Number.isInteger(input.expMonth) || input.expMonth < 1 || input.expMonth > 12) {
    throw new ProcessorException('PROCESSOR_CARD_EXPIRY_INVALID', 'The expiry month must be 1 to 12', 'expMonth');
  }
  const expYear = input.expYear < 100 ? 2000 + input.expYear : input.expYear;
  if (!Number.isInteger(expYear) || expYear > now.getUTCFullYear() + 30) {
    throw new ProcessorException('PROCESSOR_CARD_EXPIRY_INVALID', 'The expiry year is not a plausible year', 'expYear');
  }
  if (isExpired(input.expMonth, expYear, now)) {
    throw new ProcessorException('PROCESSOR_CARD_EXPIRED', 'The card has expired: check the expiry date or use another card', 'expYear');
  }
  const codeLength = securityCodeLengthOf(brand);
  if (!new RegExp(`^\\d{${codeLength}}$`).test(input.securityCode)) {
    throw new ProcessorException('PROCESSOR_SECURITY_CODE_INVALID', `The security code of a ${brand} card has ${codeLength} digits`, 'securityCode');
  }
  return { brand, last4: number.slice(-4), expMonth: input.expMonth, expYear, profile: profileOf(number) };
}

/** A card is valid through the last day of its expiry month. */
export function isExpired(expMonth: number, expYear: number, now: Date): boolean {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  return expYear < year || (expYear === year && expMonth < month);
}
