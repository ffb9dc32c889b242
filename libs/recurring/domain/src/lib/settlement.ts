/**
 * The reference a capture line carries: the charge key (the processor allows 64 characters there), or the
 * charge's own id for a longer key. Unique per charge either way.
 */
export function saleReference(chargeKey: string, chargeId: string): string {
  return chargeKey.length <= 64 ? chargeKey : `charge:${chargeId}`;
}

/** One answer line of the processor's settlement result file, as the engine reads it. */
export interface SettlementAnswer {
  line: number;
  status: string;
  saleId: string;
  reasonCode: string;
  reason: string;
}

export type SettlementOutcome =
  | { kind: 'captured'; saleId: string }
  | { kind: 'settlement_declined'; declineCode: string; reason: string };

/**
 * What a settlement answer means for the charge on that line: settled → captured; declined → declined at
 * settlement with the network's code; a line the processor could not read → declined at settlement with the
 * error code, so the merchant sees it instead of a charge that stays authorized forever.
 */
export function settlementOutcomeOf(answer: SettlementAnswer): SettlementOutcome {
  if (answer.status === 'settled' && answer.saleId !== '') return { kind: 'captured', saleId: answer.saleId };
  return { kind: 'settlement_declined', declineCode: answer.reasonCode || 'PROCESSOR_FILE_LINE_INVALID', reason: answer.reason || answer.status };
}

/** The same reference as SQL builds it when a capture file is prepared set-based. */
export const SALE_REFERENCE_SQL = (chargeKeyColumn: string, chargeIdColumn: string) =>
  `CASE WHEN length(${chargeKeyColumn}) <= 64 THEN ${chargeKeyColumn} ELSE 'charge:' || ${chargeIdColumn}::text END`;
