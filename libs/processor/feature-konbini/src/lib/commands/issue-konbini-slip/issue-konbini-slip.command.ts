import type { KonbiniChain } from '@kessai/processor-domain';

export class IssueKonbiniSlipCommand {
  constructor(
    readonly merchantId: string,
    readonly amount: number,
    readonly currency: string,
    readonly chain: KonbiniChain,
    readonly deadline: Date,
    readonly idempotencyKey: string,
  ) {}
}
