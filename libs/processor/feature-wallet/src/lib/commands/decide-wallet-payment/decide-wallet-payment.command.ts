export type WalletDecision = 'approved' | 'canceled';

export class DecideWalletPaymentCommand {
  constructor(
    readonly paymentId: string,
    /** What the customer chose on the wallet's page. */
    readonly decision: WalletDecision,
  ) {}
}
