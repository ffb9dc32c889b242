import type { CardProfile } from '../cards/test-cards';
import { REASON_CODES, ReasonKey } from './reason-codes';

export type AuthorizationOutcome =
  /** Recorded: the same idempotency key answers the same forever. */
  | { kind: 'approved' | 'declined' | 'challenge_required'; reasonCode: string; reason: string }
  /** Not recorded: the platform may retry with the same key. */
  | { kind: 'processor_error' | 'timeout'; reasonCode: string; reason: string };

export interface AuthorizationCard {
  profile: CardProfile;
  status: 'active' | 'closed';
}

/**
 * What the issuer answers for an authorization. `randomErrorDraw` below `errorRate` simulates an outage
 * (a processor error) whatever the card; pass 1 to never fail.
 */
export function decideAuthorization(card: AuthorizationCard, errorRate: number, randomErrorDraw: number): AuthorizationOutcome {
  if (card.profile === 'processor_error' || randomErrorDraw < errorRate) return outcome('processor_error', 'processor_error');
  if (card.profile === 'timeout') return outcome('timeout', 'timeout');
  if (card.status === 'closed') return outcome('declined', 'card_closed');
  switch (card.profile) {
    case 'insufficient_funds':
    case 'expired_card':
    case 'lost_card':
    case 'stolen_card':
    case 'do_not_honor':
      return outcome('declined', card.profile);
    case 'challenge_required':
      return outcome('challenge_required', 'challenge_required');
    default:
      return outcome('approved', 'approved');
  }
}

/** The outcome of a 3-D Secure challenge the cardholder passed or failed. */
export function decideChallenge(passed: boolean): AuthorizationOutcome {
  return passed ? outcome('approved', 'approved') : outcome('declined', 'authentication_failed');
}

function outcome(kind: AuthorizationOutcome['kind'], key: ReasonKey): AuthorizationOutcome {
  const { code, reason } = REASON_CODES[key];
  return { kind, reasonCode: code, reason } as AuthorizationOutcome;
}
