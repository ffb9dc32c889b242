import type { EntityManager } from 'typeorm';
import type { WalletPaymentEntity, WalletPaymentRepository } from '@kessai/processor-data-access';

/** An in-memory WalletPaymentRepository for handler unit tests. */
export class FakeWalletPayments {
  readonly rows = new Map<string, WalletPaymentEntity>();

  async find(paymentId: string): Promise<WalletPaymentEntity | null> {
    return this.rows.get(paymentId) ?? null;
  }

  async findByIdempotencyKey(merchantId: string, idempotencyKey: string): Promise<WalletPaymentEntity | null> {
    return [...this.rows.values()].find((row) => row.merchantId === merchantId && row.idempotencyKey === idempotencyKey) ?? null;
  }

  async insert(payment: WalletPaymentEntity): Promise<void> {
    this.rows.set(payment.id, { ...payment });
  }

  findForUpdate(_transaction: EntityManager, paymentId: string): Promise<WalletPaymentEntity | null> {
    return this.find(paymentId);
  }

  async update(_transaction: EntityManager, paymentId: string, changes: Partial<WalletPaymentEntity>): Promise<void> {
    const row = this.rows.get(paymentId);
    if (row) this.rows.set(paymentId, { ...row, ...changes });
  }

  asRepository(): WalletPaymentRepository {
    return this as unknown as WalletPaymentRepository;
  }
}

export function walletPayment(overrides: Partial<WalletPaymentEntity> = {}): WalletPaymentEntity {
  return {
    id: '0193a000-0000-7000-8000-000000000002',
    merchantId: 'm-1',
    idempotencyKey: 'wallet-1',
    amount: 1200,
    currency: 'JPY',
    returnUrl: 'https://shop.example/return?order=42',
    status: 'pending',
    decidedAt: null,
    createdAt: new Date('2026-11-22T03:00:00Z'),
    ...overrides,
  };
}
