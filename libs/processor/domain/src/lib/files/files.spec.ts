import { parseCardRefreshLine, refreshResultOf, renewedExpiry } from './card-refresh-file';
import { readCsvFile } from './csv-file';
import { SettlementContext, parseSalesConfirmationLine, settleSale } from './sales-confirmation-file';

const SALES_CONFIRMATION_COLUMNS = ['merchant_id', 'authorization_id', 'card_id', 'amount', 'currency', 'sale_date', 'reference'];
const CARD_REFRESH_COLUMNS = ['card_id'];
const AUTH = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const CARD = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
const header = SALES_CONFIRMATION_COLUMNS.join(',');

describe('sales confirmation file', () => {
  it('reads lines with their line numbers', () => {
    const lines = readCsvFile(`${header}\nm-1,${AUTH},${CARD},1500,JPY,2026-11-22,INV-1\n\nm-1,,${CARD},300,JPY,2026-11-22,INV-2\n`, SALES_CONFIRMATION_COLUMNS, 'capture file');
    expect(lines.map((l) => l.line)).toEqual([2, 4]);
    expect(parseSalesConfirmationLine(lines[0])).toMatchObject({ authorizationId: AUTH, amount: 1500, reference: 'INV-1' });
    expect(parseSalesConfirmationLine(lines[1]).authorizationId).toBeNull();
  });

  it('rejects a file whose header is not the layout, naming line 1', () => {
    expect(() => readCsvFile('merchant,amount\nm-1,100\n', SALES_CONFIRMATION_COLUMNS, 'capture file')).toThrow(
      expect.objectContaining({ code: 'PROCESSOR_FILE_LAYOUT_INVALID', line: 1, field: 'header' }),
    );
    expect(() => readCsvFile('', SALES_CONFIRMATION_COLUMNS, 'capture file')).toThrow(expect.objectContaining({ code: 'PROCESSOR_FILE_LAYOUT_INVALID' }));
  });

  it('names the line and field of a bad value and of a short line', () => {
    const lines = readCsvFile(`${header}\nm-1,${AUTH},${CARD},15.5,JPY,2026-11-22,INV-1\nm-1,${AUTH}\n`, SALES_CONFIRMATION_COLUMNS, 'capture file');
    expect(() => parseSalesConfirmationLine(lines[0])).toThrow(expect.objectContaining({ line: 2, field: 'amount', code: 'PROCESSOR_FILE_LINE_INVALID' }));
    expect(() => parseSalesConfirmationLine(lines[1])).toThrow(expect.objectContaining({ line: 3, code: 'PROCESSOR_FILE_LINE_INVALID' }));
  });

  const record = { line: 2, merchantId: 'm-1', authorizationId: AUTH, cardId: CARD, amount: 1000, currency: 'JPY', saleDate: '2026-11-22', reference: 'R' };
  const approvedAuthorization = { status: 'approved', amount: 1000, currency: 'JPY', cardId: CARD, merchantId: 'm-1' };
  const context = (overrides: Partial<SettlementContext> = {}): SettlementContext => ({
    card: { profile: 'approve', status: 'active', merchantId: 'm-1' },
    authorization: approvedAuthorization,
    floorLimit: null,
    ...overrides,
  });

  it('settles an approved authorization up to its amount and declines more', () => {
    expect(settleSale(record, context())).toMatchObject({ status: 'settled', reasonCode: '00' });
    expect(settleSale({ ...record, amount: 1001 }, context())).toMatchObject({ status: 'declined', reasonCode: '13' });
  });

  it('declines a canceled authorization and a settlement-declined test card', () => {
    expect(settleSale(record, context({ authorization: { ...approvedAuthorization, status: 'canceled' } }))).toMatchObject({ status: 'declined' });
    expect(settleSale(record, context({ card: { profile: 'settlement_declined', status: 'active', merchantId: 'm-1' } }))).toMatchObject({
      status: 'declined',
      reasonCode: '05',
    });
  });

  it('accepts floor-limit sales only for floor-limit merchants and below their limit', () => {
    const floor = { ...record, authorizationId: null };
    expect(settleSale(floor, context({ authorization: null }))).toMatchObject({ status: 'declined', reasonCode: '57' });
    expect(settleSale(floor, context({ authorization: null, floorLimit: 5000 }))).toMatchObject({ status: 'settled' });
    expect(settleSale({ ...floor, amount: 6000 }, context({ authorization: null, floorLimit: 5000 }))).toMatchObject({ reasonCode: '61' });
  });

  it('refuses an authorization of another card as a line error', () => {
    expect(() => settleSale({ ...record, cardId: AUTH }, context())).toThrow(expect.objectContaining({ field: 'authorization_id', line: 2 }));
  });
});

describe('card refresh file', () => {
  it('answers each refresh test card deterministically', () => {
    expect(refreshResultOf({ profile: 'approve', status: 'active' })).toBe('no_change');
    expect(refreshResultOf({ profile: 'refresh_new_expiry', status: 'active' })).toBe('new_expiry');
    expect(refreshResultOf({ profile: 'refresh_replaced', status: 'active' })).toBe('replaced');
    expect(refreshResultOf({ profile: 'refresh_closed', status: 'active' })).toBe('closed');
    expect(refreshResultOf({ profile: 'refresh_contact_cardholder', status: 'active' })).toBe('contact_cardholder');
    expect(refreshResultOf({ profile: 'approve', status: 'closed' })).toBe('closed');
    expect(renewedExpiry(4, 2027)).toEqual({ expMonth: 4, expYear: 2030 });
  });

  it('names the line of a malformed card reference', () => {
    const lines = readCsvFile(`card_id\n${CARD}\nnot-a-card\n`, CARD_REFRESH_COLUMNS, 'card refresh file');
    expect(parseCardRefreshLine(lines[0]).cardId).toBe(CARD);
    expect(() => parseCardRefreshLine(lines[1])).toThrow(expect.objectContaining({ line: 3, field: 'card_id' }));
  });
});
