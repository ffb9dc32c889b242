export class PayKonbiniSlipCommand {
  constructor(readonly paymentId: string) {}
}
