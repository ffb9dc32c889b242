import { cardRefreshAnswerOf, cardRefreshEffect } from './card-refresh';
import { saleReference, settlementOutcomeOf } from './settlement';

describe('settlement answers', () => {
  it('uses the charge key as the sale reference, and the charge id when the key is longer than the processor allows', () => {
    expect(saleReference('def:d1:2026-02', '17')).toBe('def:d1:2026-02');
    expect(saleReference(`def:${'x'.repeat(70)}:2026-02`, '17')).toBe('charge:17');
  });

  it('captures a settled line and declines a declined or unreadable line at settlement with its code', () => {
    expect(settlementOutcomeOf({ line: 2, status: 'settled', saleId: 's1', reasonCode: '00', reason: 'approved' })).toEqual({ kind: 'captured', saleId: 's1' });
    expect(settlementOutcomeOf({ line: 3, status: 'declined', saleId: '', reasonCode: '05', reason: 'do_not_honor' })).toEqual({
      kind: 'settlement_declined',
      declineCode: '05',
      reason: 'do_not_honor',
    });
    expect(settlementOutcomeOf({ line: 4, status: 'error', saleId: '', reasonCode: 'PROCESSOR_FILE_LINE_INVALID', reason: 'Line 4, card_id: unknown' })).toMatchObject({
      kind: 'settlement_declined',
      declineCode: 'PROCESSOR_FILE_LINE_INVALID',
    });
  });
});

describe('card refresh answers', () => {
  const row = (result: string, extra: Record<string, string> = {}) => ({ line: '2', card_id: 'c1', result, new_card_id: '', new_exp_month: '', new_exp_year: '', message: '', ...extra });

  it('reads each answer and what the engine does with it', () => {
    expect(cardRefreshEffect(cardRefreshAnswerOf(row('no_change')))).toBe('none');
    const renewed = cardRefreshAnswerOf(row('new_expiry', { new_exp_month: '12', new_exp_year: '2034' }));
    expect(renewed).toMatchObject({ result: 'new_expiry', newExpMonth: 12, newExpYear: 2034 });
    expect(cardRefreshEffect(renewed)).toBe('announce');
    expect(cardRefreshEffect(cardRefreshAnswerOf(row('replaced', { new_card_id: 'c2' })))).toBe('replace');
    expect(cardRefreshEffect(cardRefreshAnswerOf(row('closed')))).toBe('stop');
    expect(cardRefreshEffect(cardRefreshAnswerOf(row('contact_cardholder')))).toBe('announce');
  });

  it('counts an unknown result or a replacement without a new reference as an error, changing nothing', () => {
    expect(cardRefreshAnswerOf(row('stolen'))).toMatchObject({ result: 'error', message: 'unknown result "stolen"' });
    const broken = cardRefreshAnswerOf(row('replaced'));
    expect(broken.result).toBe('error');
    expect(cardRefreshEffect(broken)).toBe('none');
  });
});
