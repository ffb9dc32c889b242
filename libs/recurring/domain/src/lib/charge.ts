import { Money } from '@kessai/shared-money';
import { RecurringException } from './recurring.exception';

/**
 * pending ─authorize→ authorized ─capture→ captured
 *        ─decline→ declined          └─decline settlement→ settlement_declined
 *        ─accept under floor limit→ authorized (no authorization id)
 * declined ─authorize on a dunning retry→ authorized
 * authorized ─release (a bill charged with a mandate that could no longer be paid)→ canceled
 */
export type ChargeStatus = 'pending' | 'authorized' | 'declined' | 'captured' | 'settlement_declined' | 'canceled';

export interface Charge {
  id: string;
  key: string;
  shopId: string;
  cycle: string;
  cardRef: string;
  amount: Money;
  status: ChargeStatus;
  authorizationId: string | null;
  /** True when the shop's floor-limit operation accepted it without authorization. */
  floorLimit: boolean;
  declineCode: string | null;
  /** The processor's sale, once the sales-confirmation file settled the charge. */
  saleId?: string | null;
}

function requireStatus(charge: Charge, expected: ChargeStatus, action: string): void {
  if (charge.status !== expected) {
    throw new RecurringException(
      'RECURRING_CHARGE_TRANSITION_NOT_ALLOWED',
      `charge ${charge.key} is ${charge.status}: only a ${expected} charge can be ${action}`,
    );
  }
}

export function authorizeCharge(charge: Charge, authorizationId: string): Charge {
  requireStatus(charge, 'pending', 'authorized');
  return { ...charge, status: 'authorized', authorizationId };
}

export function declineCharge(charge: Charge, declineCode: string): Charge {
  requireStatus(charge, 'pending', 'declined');
  return { ...charge, status: 'declined', declineCode };
}

/** Floor-limit operation: no authorization, the card refresh already vouched for the card. */
export function acceptChargeUnderFloorLimit(charge: Charge): Charge {
  requireStatus(charge, 'pending', 'accepted under the floor limit');
  return { ...charge, status: 'authorized', floorLimit: true, authorizationId: null };
}

export function captureCharge(charge: Charge, saleId: string): Charge {
  requireStatus(charge, 'authorized', 'captured');
  return { ...charge, status: 'captured', saleId };
}

/** A soft decline retried by dunning and approved this time: it is captured with the next file. */
export function authorizeChargeOnRetry(charge: Charge, authorizationId: string): Charge {
  requireStatus(charge, 'declined', 'authorized on a retry');
  return { ...charge, status: 'authorized', authorizationId, declineCode: null };
}

export function declineChargeSettlement(charge: Charge, declineCode: string): Charge {
  requireStatus(charge, 'authorized', 'declined at settlement');
  return { ...charge, status: 'settlement_declined', declineCode };
}
