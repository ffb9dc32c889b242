/**
 * How the simulated card network treats a card, chosen by its number. Any other valid number behaves as
 * `approve`. The table is documented in docs/processor-api.md; tests cover every row.
 */
export const CARD_PROFILES = [
  'approve',
  'insufficient_funds',
  'expired_card',
  'lost_card',
  'stolen_card',
  'do_not_honor',
  'challenge_required',
  'processor_error',
  'timeout',
  'settlement_declined',
  'refresh_new_expiry',
  'refresh_replaced',
  'refresh_closed',
  'refresh_contact_cardholder',
] as const;
export type CardProfile = (typeof CARD_PROFILES)[number];

export interface TestCard {
  number: string;
  profile: CardProfile;
  /** What the card does, for the documentation table. */
  behaviour: string;
}

export const TEST_CARDS: readonly TestCard[] = [
  { number: '4111111111111111', profile: 'approve', behaviour: 'Visa: approved, settles, refresh answers no change' },
  { number: '5555555555554444', profile: 'approve', behaviour: 'Mastercard: approved' },
  { number: '3530111333300000', profile: 'approve', behaviour: 'JCB: approved' },
  { number: '378282246310005', profile: 'approve', behaviour: 'American Express: approved (4-digit security code)' },
  { number: '3056930009020004', profile: 'approve', behaviour: 'Diners Club: approved' },
  { number: '4000000000009995', profile: 'insufficient_funds', behaviour: 'declined 51 insufficient funds' },
  { number: '4000000000000069', profile: 'expired_card', behaviour: 'declined 54 expired card (the issuer says so)' },
  { number: '4000000000009987', profile: 'lost_card', behaviour: 'declined 41 lost card' },
  { number: '4000000000009979', profile: 'stolen_card', behaviour: 'declined 43 stolen card' },
  { number: '4000000000000002', profile: 'do_not_honor', behaviour: 'declined 05 do not honor' },
  { number: '4000000000003220', profile: 'challenge_required', behaviour: '3-D Secure challenge; approved if passed, declined 1B if failed' },
  { number: '4000000000000119', profile: 'processor_error', behaviour: 'processor error 96 (HTTP 503), nothing recorded: retry' },
  { number: '4000000000000408', profile: 'timeout', behaviour: 'no answer within PROCESSOR_TIMEOUT_AFTER_MS, then 504; nothing recorded' },
  { number: '4000000000000341', profile: 'settlement_declined', behaviour: 'approved, but declined 05 at settlement' },
  { number: '4000000000001018', profile: 'refresh_new_expiry', behaviour: 'approved; card refresh answers a new expiry (+3 years)' },
  { number: '4000000000001026', profile: 'refresh_replaced', behaviour: 'approved; card refresh answers a replaced card (new reference)' },
  { number: '4000000000001034', profile: 'refresh_closed', behaviour: 'approved; card refresh answers account closed' },
  { number: '4000000000001042', profile: 'refresh_contact_cardholder', behaviour: 'approved; card refresh answers contact the cardholder' },
];

const BY_NUMBER = new Map(TEST_CARDS.map((card) => [card.number, card.profile]));

export function profileOf(cardNumber: string): CardProfile {
  return BY_NUMBER.get(cardNumber) ?? 'approve';
}
