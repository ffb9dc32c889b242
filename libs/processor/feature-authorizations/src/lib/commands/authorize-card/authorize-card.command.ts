/** One authorization to decide, already validated (single call or one bulk line). */
export class AuthorizeCardCommand {
  constructor(
    readonly merchantId: string,
    readonly cardId: string,
    readonly amount: number,
    readonly currency: string,
    readonly idempotencyKey: string,
  ) {}
}
