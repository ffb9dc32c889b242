/** The Luhn (mod 10) check every card number carries in its last digit. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Appends the Luhn check digit to a number without one (used to mint replacement cards). */
export function withLuhnCheckDigit(partial: string): string {
  for (let check = 0; check <= 9; check += 1) {
    if (isLuhnValid(`${partial}${check}`)) return `${partial}${check}`;
  }
  throw new Error('unreachable: one check digit always fits');
}
