import * as currencyCodes from 'currency-codes';

// Codes ISO 4217 lists that no one pays in: testing, precious metals, units of account.
const NOT_SPENDABLE = new Set(['XXX', 'XTS', 'XAU', 'XAG', 'XPD', 'XPT', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XSU', 'XUA']);

/** An ISO 4217 currency with its number of minor-unit digits (JPY 0, USD 2, KWD 3). */
export class Currency {
  private constructor(
    readonly code: string,
    readonly minorUnitDigits: number,
  ) {}

  static of(code: string): Currency {
    const entry = /^[A-Z]{3}$/.test(code) ? currencyCodes.code(code) : undefined;
    if (!entry || NOT_SPENDABLE.has(code)) throw new RangeError(`"${code}" is not an ISO 4217 currency code`);
    return new Currency(entry.code, entry.digits);
  }

  static isValid(code: string): boolean {
    try {
      Currency.of(code);
      return true;
    } catch {
      return false;
    }
  }
}
