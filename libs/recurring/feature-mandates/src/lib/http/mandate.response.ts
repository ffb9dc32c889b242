import type { StoredMandate } from '@kessai/recurring-data-access';

/** A mandate as the merchant sees it: which card pays the customer's bills automatically, and whether it ended. */
export interface MandateResponse {
  mandateId: string;
  customerPhone: string;
  cardRef: string;
  /** The bill the customer consented on. */
  billId: string;
  consentedAt: string;
  revokedAt: string | null;
  revocationReason: string | null;
}

export const toMandateResponse = (mandate: StoredMandate): MandateResponse => ({
  mandateId: mandate.mandateRequestId,
  customerPhone: mandate.customerPhone,
  cardRef: mandate.cardRef,
  billId: mandate.billId,
  consentedAt: mandate.consentedAt,
  revokedAt: mandate.revokedAt,
  revocationReason: mandate.revocationReason,
});
