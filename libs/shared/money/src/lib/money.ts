import { Currency } from './currency';

/**
 * An amount of money in integer minor units of an ISO 4217 currency: ¥1,500 is Money.of(1500, 'JPY'),
 * $15.00 is Money.of(1500, 'USD'). There is no floating point anywhere in here.
 */
export class Money {
  private constructor(
    readonly minorUnits: number,
    readonly currency: Currency,
  ) {}

  static of(minorUnits: number, currencyCode: string): Money {
    if (!Number.isSafeInteger(minorUnits)) {
      throw new RangeError(`Money must be a whole number of minor units, got ${minorUnits}`);
    }
    return new Money(minorUnits, Currency.of(currencyCode));
  }

  static zero(currencyCode: string): Money {
    return Money.of(0, currencyCode);
  }

  get currencyCode(): string {
    return this.currency.code;
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return Money.of(this.minorUnits + other.minorUnits, this.currencyCode);
  }

  subtract(other: Money): Money {
    this.assertSameCurrency(other);
    return Money.of(this.minorUnits - other.minorUnits, this.currencyCode);
  }

  /** Multiplies by a whole quantity (line items: unit price × quantity). */
  times(quantity: number): Money {
    if (!Number.isSafeInteger(quantity)) throw new RangeError(`Quantity must be a whole number, got ${quantity}`);
    return Money.of(this.minorUnits * quantity, this.currencyCode);
  }

  /**
   * Splits into parts proportional to the given whole-number ratios, handing leftover minor units to the first
   * parts so the parts always add up to the whole (tax splits, instalments).
   */
  allocate(ratios: number[]): Money[] {
    if (ratios.length === 0 || ratios.some((r) => !Number.isSafeInteger(r) || r < 0)) {
      throw new RangeError('Ratios must be non-negative whole numbers');
    }
    const total = ratios.reduce((sum, r) => sum + r, 0);
    if (total === 0) throw new RangeError('At least one ratio must be above zero');
    const whole = BigInt(this.minorUnits);
    const parts = ratios.map((r) => (whole * BigInt(r)) / BigInt(total));
    let remainder = whole - parts.reduce((sum, p) => sum + p, 0n);
    const step = remainder >= 0n ? 1n : -1n;
    for (let i = 0; remainder !== 0n; i = (i + 1) % parts.length) {
      if (ratios[i] === 0) continue;
      parts[i] += step;
      remainder -= step;
    }
    return parts.map((p) => Money.of(Number(p), this.currencyCode));
  }

  isNegative(): boolean {
    return this.minorUnits < 0;
  }

  isZero(): boolean {
    return this.minorUnits === 0;
  }

  equals(other: Money): boolean {
    return this.currencyCode === other.currencyCode && this.minorUnits === other.minorUnits;
  }

  compare(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other);
    return this.minorUnits === other.minorUnits ? 0 : this.minorUnits < other.minorUnits ? -1 : 1;
  }

  /** The amount as a decimal string in major units, exact: 1500 JPY → "1500", 1505 USD → "15.05". */
  toDecimalString(): string {
    const digits = this.currency.minorUnitDigits;
    const sign = this.minorUnits < 0 ? '-' : '';
    const abs = String(Math.abs(this.minorUnits));
    if (digits === 0) return sign + abs;
    const padded = abs.padStart(digits + 1, '0');
    return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
  }

  toJSON(): { amount: number; currency: string } {
    return { amount: this.minorUnits, currency: this.currencyCode };
  }

  toString(): string {
    return `${this.toDecimalString()} ${this.currencyCode}`;
  }

  private assertSameCurrency(other: Money): void {
    if (this.currencyCode !== other.currencyCode) {
      throw new RangeError(`Cannot combine ${this.currencyCode} with ${other.currencyCode}`);
    }
  }
}
