import type { ApiChargeRecord } from '@kessai/recurring-data-access';

export interface ChargeResponse {
  id: string;
  memberId: string;
  cardRef: string;
  amount: number;
  currency: string;
  cycle: string;
  chargeDate: string;
  status: string;
  authorizationId: string | null;
  declineCode: string | null;
  createdAt: string;
}

export function toChargeResponse(charge: ApiChargeRecord): ChargeResponse {
  return {
    id: charge.id,
    memberId: charge.memberId,
    cardRef: charge.cardRef,
    amount: charge.amount,
    currency: charge.currency,
    cycle: charge.cycle,
    chargeDate: charge.chargeDate,
    status: charge.status,
    authorizationId: charge.authorizationId,
    declineCode: charge.declineCode,
    createdAt: charge.createdAt.toISOString(),
  };
}
