import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RefundEntity, SaleEntity } from '@kessai/processor-data-access';
import { ProcessorException } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';

export interface RefundResult {
  refundId: string;
  saleId: string;
  amount: number;
  currency: string;
  refundedTotal: number;
}

@Injectable()
export class RefundSaleHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Refunds part or all of a settled sale; never more than is left. The same key answers the same refund. */
  async execute(merchantId: string, saleId: string, amount: number, idempotencyKey: string): Promise<RefundResult> {
    return this.dataSource.transaction(async (transaction) => {
      const sale = await transaction.findOne(SaleEntity, { where: { id: saleId, merchantId }, lock: { mode: 'pessimistic_write' } });
      if (!sale) throw new ProcessorException('PROCESSOR_SALE_NOT_FOUND', `The merchant has no settled sale ${saleId}`, 'saleId');
      const previous = await transaction.findOneBy(RefundEntity, { merchantId, idempotencyKey });
      if (previous) {
        if (previous.saleId !== saleId || previous.amount !== amount) {
          throw new ProcessorException('PROCESSOR_IDEMPOTENCY_KEY_CONFLICT', 'This idempotency key was used for another refund: use a new key', 'idempotencyKey');
        }
        return { refundId: previous.id, saleId, amount, currency: sale.currency, refundedTotal: sale.refundedAmount };
      }
      if (sale.refundedAmount + amount > sale.amount) {
        throw new ProcessorException(
          'PROCESSOR_REFUND_INVALID',
          `Only ${sale.amount - sale.refundedAmount} ${sale.currency} of this sale is left to refund`,
          'amount',
        );
      }
      const refund = { id: newId(), saleId, merchantId, idempotencyKey, amount, createdAt: this.clock.now() };
      await transaction.insert(RefundEntity, refund);
      await transaction.update(SaleEntity, { id: saleId }, { refundedAmount: sale.refundedAmount + amount });
      return { refundId: refund.id, saleId, amount, currency: sale.currency, refundedTotal: sale.refundedAmount + amount };
    });
  }
}
