import { checkBillCsvHeader, parseBillCsvRow } from './bill-csv-row';

describe('bill CSV rows', () => {
  const good = { merchantBillNumber: 'INV-1', amount: '3300', currency: 'JPY', dueDate: '2026-12-10', allowedPaymentMethods: 'card|konbini' };

  it('reads a line into a bill, trimming cells and treating empty ones as absent', () => {
    expect(parseBillCsvRow({ ...good, customerName: ' 山田 太郎 ', customerPhone: '', taxAmount: '300' })).toEqual({
      row: {
        merchantBillNumber: 'INV-1',
        amount: 3300,
        currency: 'JPY',
        dueDate: '2026-12-10',
        allowedPaymentMethods: ['card', 'konbini'],
        customerName: '山田 太郎',
        customerPhone: undefined,
        taxAmount: 300,
        message: undefined,
        sendAt: undefined,
      },
    });
  });

  it('names every wrong column of a line with its reason', () => {
    const result = parseBillCsvRow({ ...good, amount: '33.5', currency: 'yen', allowedPaymentMethods: 'card|cash', sendAt: 'tomorrow' });
    expect('problems' in result && result.problems.map((p) => p.column)).toEqual(['amount', 'currency', 'allowedPaymentMethods', 'sendAt']);
  });

  it('refuses a header without the required columns or with unknown ones', () => {
    expect(checkBillCsvHeader(['merchantBillNumber', 'amount', 'currency', 'dueDate', 'allowedPaymentMethods'])).toEqual([]);
    expect(checkBillCsvHeader(['merchantBillNumber', 'amount', 'amount', 'colour'])).toEqual([
      { column: 'amount', reason: 'the column appears twice' },
      { column: 'colour', reason: expect.stringContaining('unknown column') },
      { column: 'currency', reason: 'required column missing from the header row' },
      { column: 'dueDate', reason: 'required column missing from the header row' },
      { column: 'allowedPaymentMethods', reason: 'required column missing from the header row' },
    ]);
  });
});
