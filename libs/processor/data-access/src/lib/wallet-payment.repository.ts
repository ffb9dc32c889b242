import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { WalletPaymentEntity } from './payment-method.entity';

/** QR wallet payments. The customer's decision is recorded in a transaction that holds the payment's row lock. */
@Injectable()
export class WalletPaymentRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(paymentId: string): Promise<WalletPaymentEntity | null> {
    return this.dataSource.getRepository(WalletPaymentEntity).findOneBy({ id: paymentId });
  }

  findByIdempotencyKey(merchantId: string, idempotencyKey: string): Promise<WalletPaymentEntity | null> {
    return this.dataSource.getRepository(WalletPaymentEntity).findOneBy({ merchantId, idempotencyKey });
  }

  async insert(payment: WalletPaymentEntity): Promise<void> {
    await this.dataSource.getRepository(WalletPaymentEntity).insert(payment);
  }

  /** The payment, locked until the transaction ends. */
  findForUpdate(transaction: EntityManager, paymentId: string): Promise<WalletPaymentEntity | null> {
    return transaction.findOne(WalletPaymentEntity, { where: { id: paymentId }, lock: { mode: 'pessimistic_write' } });
  }

  async update(transaction: EntityManager, paymentId: string, changes: Partial<Pick<WalletPaymentEntity, 'status' | 'decidedAt'>>): Promise<void> {
    await transaction.update(WalletPaymentEntity, { id: paymentId }, changes);
  }
}
