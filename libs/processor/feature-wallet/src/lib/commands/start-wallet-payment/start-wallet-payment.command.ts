export class StartWalletPaymentCommand {
  constructor(
    readonly merchantId: string,
    readonly amount: number,
    readonly currency: string,
    readonly returnUrl: string,
    readonly idempotencyKey: string,
  ) {}
}
