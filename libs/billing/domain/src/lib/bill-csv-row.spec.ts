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
        lineItems: undefined,
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

  it('reads line items as description:quantity:unitAmount separated by |, a description holding a colon included', () => {
    const result = parseBillCsvRow({ ...good, amount: '10800', lineItems: '水道料金 11月分:1:9800 | 下水道使用料: 基本:2:500' });
    expect('row' in result && result.row.lineItems).toEqual([
      { description: '水道料金 11月分', quantity: 1, unitAmount: 9800 },
      { description: '下水道使用料: 基本', quantity: 2, unitAmount: 500 },
    ]);
  });

  it('names the line item that is not description:quantity:unitAmount', () => {
    const result = parseBillCsvRow({ ...good, lineItems: '水道料金:1:9800|下水道使用料:two:500' });
    expect('problems' in result && result.problems).toEqual([{ column: 'lineItems', reason: expect.stringContaining('item 2 ("下水道使用料:two:500")') }]);
  });
});
