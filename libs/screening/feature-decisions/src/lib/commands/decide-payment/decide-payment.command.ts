import { ScreeningRequest } from '@kessai/screening-contracts';

export class DecidePaymentCommand {
  constructor(
    readonly merchantId: string,
    readonly request: ScreeningRequest,
  ) {}
}
