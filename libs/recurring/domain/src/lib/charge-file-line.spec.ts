import { checkChargeFileHeader, parseChargeFileLine } from './charge-file-line';

describe('charge file lines', () => {
  it('reads a valid line, with the card and the day optional', () => {
    expect(parseChargeFileLine({ member_id: 'M-1', amount: '1500', currency: 'JPY' }, 2)).toEqual({
      line: { line: 2, memberId: 'M-1', cardRef: null, amount: 1500, currency: 'JPY', chargeDay: null },
    });
    expect(parseChargeFileLine({ member_id: 'M-1', amount: ' 990 ', currency: 'USD', card_ref: 'card_x', charge_day: '27' }, 3)).toEqual({
      line: { line: 3, memberId: 'M-1', cardRef: 'card_x', amount: 990, currency: 'USD', chargeDay: 27 },
    });
  });

  it('names the column of each problem of a line', () => {
    expect(parseChargeFileLine({ member_id: 'M 1', amount: '10.50', currency: 'YEN', charge_day: '32' }, 7)).toEqual({
      problems: [
        { line: 7, column: 'member_id', reason: expect.stringContaining('is not a member id') },
        { line: 7, column: 'currency', reason: '"YEN" is not an ISO 4217 currency' },
        { line: 7, column: 'amount', reason: expect.stringContaining('"10.50" is not an amount') },
        { line: 7, column: 'charge_day', reason: expect.stringContaining('"32" is not a day') },
      ],
    });
  });

  it('reports a line that is shorter than the header, and a wrong encoding', () => {
    expect(parseChargeFileLine({ member_id: 'M-1', amount: '100' }, 4)).toEqual({
      problems: [{ line: 4, column: 'currency', reason: expect.stringContaining('fewer columns than the header') }],
    });
    expect(parseChargeFileLine({ member_id: 'M\ufffd1', amount: '100', currency: 'JPY' }, 5)).toEqual({
      problems: [{ line: 5, column: 'member_id', reason: expect.stringContaining('wrong encoding') }],
    });
  });

  it('refuses zero, negative and unsafe amounts and a card number in card_ref', () => {
    for (const amount of ['0', '-5', '99999999999999999']) {
      expect(parseChargeFileLine({ member_id: 'M', amount, currency: 'JPY' }, 2)).toHaveProperty('problems');
    }
    expect(parseChargeFileLine({ member_id: 'M', amount: '1', currency: 'JPY', card_ref: '4111111111111111' }, 2)).toEqual({
      problems: [{ line: 2, column: 'card_ref', reason: expect.stringContaining('looks like a card number') }],
    });
  });

  it('requires member_id, amount and currency in the header, each once', () => {
    expect(checkChargeFileHeader(['member_id', 'amount', 'currency', 'card_ref'])).toEqual([]);
    expect(checkChargeFileHeader(['member_id', 'amount', 'amount'])).toEqual([
      { line: 1, column: 'currency', reason: expect.stringContaining('no "currency" column') },
      { line: 1, column: 'amount', reason: 'the header names "amount" twice' },
    ]);
  });
});
