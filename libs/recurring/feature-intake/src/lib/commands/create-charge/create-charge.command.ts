/** One charge per API call, already validated at the transport edge. */
export interface CreateChargeCommand {
  shopId: string;
  idempotencyKey: string | undefined;
  memberId: string;
  cardRef?: string;
  amount: number;
  currency: string;
}
