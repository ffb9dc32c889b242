import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { KonbiniPaymentEntity } from './payment-method.entity';

/** Konbini payment slips. Changes of state go through a transaction that holds the slip's row lock. */
@Injectable()
export class KonbiniPaymentRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(paymentId: string): Promise<KonbiniPaymentEntity | null> {
    return this.dataSource.getRepository(KonbiniPaymentEntity).findOneBy({ id: paymentId });
  }

  findByIdempotencyKey(merchantId: string, idempotencyKey: string): Promise<KonbiniPaymentEntity | null> {
    return this.dataSource.getRepository(KonbiniPaymentEntity).findOneBy({ merchantId, idempotencyKey });
  }

  async insert(payment: KonbiniPaymentEntity): Promise<void> {
    await this.dataSource.getRepository(KonbiniPaymentEntity).insert(payment);
  }

  /** The slip, locked until the transaction ends. */
  findForUpdate(transaction: EntityManager, paymentId: string): Promise<KonbiniPaymentEntity | null> {
    return transaction.findOne(KonbiniPaymentEntity, { where: { id: paymentId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Up to `limit` unpaid slips whose deadline is before `now`, locked; slips another worker holds are skipped. */
  lockOverdue(transaction: EntityManager, now: Date, limit: number): Promise<KonbiniPaymentEntity[]> {
    return transaction
      .getRepository(KonbiniPaymentEntity)
      .createQueryBuilder('k')
      .where(`k.status = 'awaiting_payment' AND k.deadline < :now`, { now })
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async update(transaction: EntityManager, paymentId: string, changes: Partial<Pick<KonbiniPaymentEntity, 'status' | 'paidAt'>>): Promise<void> {
    await transaction.update(KonbiniPaymentEntity, { id: paymentId }, changes);
  }
}
