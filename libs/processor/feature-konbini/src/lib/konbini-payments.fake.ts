import type { EntityManager } from 'typeorm';
import type { KonbiniPaymentEntity, KonbiniPaymentRepository } from '@kessai/processor-data-access';

/** An in-memory KonbiniPaymentRepository for handler unit tests. */
export class FakeKonbiniPayments {
  readonly rows = new Map<string, KonbiniPaymentEntity>();

  async find(paymentId: string): Promise<KonbiniPaymentEntity | null> {
    return this.rows.get(paymentId) ?? null;
  }

  async findByIdempotencyKey(merchantId: string, idempotencyKey: string): Promise<KonbiniPaymentEntity | null> {
    return [...this.rows.values()].find((row) => row.merchantId === merchantId && row.idempotencyKey === idempotencyKey) ?? null;
  }

  async insert(payment: KonbiniPaymentEntity): Promise<void> {
    this.rows.set(payment.id, { ...payment });
  }

  findForUpdate(_transaction: EntityManager, paymentId: string): Promise<KonbiniPaymentEntity | null> {
    return this.find(paymentId);
  }

  async lockOverdue(_transaction: EntityManager, now: Date, limit: number): Promise<KonbiniPaymentEntity[]> {
    return [...this.rows.values()].filter((row) => row.status === 'awaiting_payment' && row.deadline < now).slice(0, limit);
  }

  async update(_transaction: EntityManager, paymentId: string, changes: Partial<KonbiniPaymentEntity>): Promise<void> {
    const row = this.rows.get(paymentId);
    if (row) this.rows.set(paymentId, { ...row, ...changes });
  }

  asRepository(): KonbiniPaymentRepository {
    return this as unknown as KonbiniPaymentRepository;
  }
}

export function konbiniSlip(overrides: Partial<KonbiniPaymentEntity> = {}): KonbiniPaymentEntity {
  return {
    id: '0193a000-0000-7000-8000-000000000001',
    merchantId: 'm-1',
    idempotencyKey: 'slip-1',
    amount: 3980,
    currency: 'JPY',
    chain: 'lawson',
    receiptNumber: '12345678901',
    confirmationNumber: '123456',
    deadline: new Date('2026-12-01T15:00:00Z'),
    status: 'awaiting_payment',
    paidAt: null,
    createdAt: new Date('2026-11-22T03:00:00Z'),
    ...overrides,
  };
}
