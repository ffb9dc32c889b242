import { REASON_CODES, ReasonKey } from '../authorizations/reason-codes';
import type { CardProfile } from '../cards/test-cards';
import { FileLine, lineError, requireAmount, requireText } from './csv-file';

import { UUID_PATTERN as UUID } from './csv-file';

export interface SalesConfirmationRecord {
  line: number;
  merchantId: string;
  /** Empty for a floor-limit sale (made without asking the network first). */
  authorizationId: string | null;
  cardId: string;
  amount: number;
  currency: string;
  saleDate: string;
  reference: string;
}

/** Reads one line of a capture file; throws an error naming the line and the field. */
export function parseSalesConfirmationLine(line: FileLine): SalesConfirmationRecord {
  if (line.problem) throw line.problem;
  const authorizationId = line.values['authorization_id'];
  if (authorizationId && !UUID.test(authorizationId)) throw lineError(line.line, 'authorization_id', `must be an authorization id or empty, got "${authorizationId}"`);
  return {
    line: line.line,
    merchantId: requireText(line, 'merchant_id', /^[\x21-\x7e]{1,64}$/, 'a merchant id'),
    authorizationId: authorizationId || null,
    cardId: requireText(line, 'card_id', UUID, 'a card id'),
    amount: requireAmount(line, 'amount'),
    currency: requireText(line, 'currency', /^[A-Z]{3}$/, 'an ISO 4217 currency such as JPY'),
    saleDate: requireText(line, 'sale_date', /^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
    reference: requireText(line, 'reference', /^[\x21-\x7e]{1,64}$/, 'the merchant reference (1 to 64 printable characters)'),
  };
}

export interface SettlementContext {
  card: { profile: CardProfile; status: 'active' | 'closed'; merchantId: string };
  /** Null for a floor-limit record. */
  authorization: { status: string; amount: number; currency: string; cardId: string; merchantId: string } | null;
  /** The merchant's floor limit in minor units, or null when the merchant does not work with floor limits. */
  floorLimit: number | null;
}

export type SettlementDecision = { status: 'settled' | 'declined'; reasonCode: string; reason: string };

/** Whether the network settles one sale of a capture file. */
export function settleSale(record: SalesConfirmationRecord, context: SettlementContext): SettlementDecision {
  const { authorization, card } = context;
  if (authorization) {
    if (authorization.merchantId !== record.merchantId || authorization.cardId !== record.cardId) {
      throw lineError(record.line, 'authorization_id', 'this authorization belongs to another merchant or card');
    }
    if (authorization.status !== 'approved') return declined('authorization_not_capturable');
    if (authorization.currency !== record.currency) return declined('currency_mismatch');
    if (record.amount > authorization.amount) return declined('amount_exceeds_authorization');
  } else {
    // Floor-limit sales skip authorization: only merchants set up for it, and only below their limit.
    if (context.floorLimit === null) return declined('floor_limit_not_allowed');
    if (record.amount > context.floorLimit) return declined('floor_limit_exceeded');
  }
  if (card.status === 'closed') return declined('card_closed');
  if (card.profile === 'settlement_declined') return declined('do_not_honor');
  if (!authorization && ['insufficient_funds', 'expired_card', 'lost_card', 'stolen_card', 'do_not_honor'].includes(card.profile)) {
    return declined(card.profile as ReasonKey);
  }
  return { status: 'settled', ...codeOf('approved') };
}

function declined(key: ReasonKey): SettlementDecision {
  return { status: 'declined', ...codeOf(key) };
}

function codeOf(key: ReasonKey): { reasonCode: string; reason: string } {
  return { reasonCode: REASON_CODES[key].code, reason: REASON_CODES[key].reason };
}
