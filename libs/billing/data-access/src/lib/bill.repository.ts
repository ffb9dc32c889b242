import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Bill, BillingException, BillStatus, OPEN_BILL_STATUSES } from '@kessai/billing-domain';
import { BillEntity } from './bill.entity';
import { BillMapper } from './bill.mapper';
import { PaymentAttemptEntity } from './payment-attempt.entity';

const UNIQUE_VIOLATION = '23505';

export interface BillFilter {
  status?: BillStatus;
  dueDateFrom?: string;
  dueDateTo?: string;
  merchantBillNumber?: string;
  /** Bills with an id after this one (ids are time-ordered UUIDv7). */
  afterId?: string;
  limit: number;
}

@Injectable()
export class BillRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(transaction: EntityManager, bill: Bill): Promise<void> {
    try {
      await transaction.insert(BillEntity, BillMapper.toEntity(bill));
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new BillingException(
          'BILLING_BILL_NUMBER_ALREADY_EXISTS',
          `Bill number ${bill.merchantBillNumber} exists already for this merchant`,
          'merchantBillNumber',
        );
      }
      throw error;
    }
  }

  /** Writes the bill's new state (after a transition). */
  async update(transaction: EntityManager, bill: Bill): Promise<void> {
    const { id, ...state } = BillMapper.toEntity(bill);
    await transaction.update(BillEntity, { id }, state);
  }

  /** A merchant sees only its own bills: another merchant's id reads as not found. */
  async findOfMerchant(merchantId: string, billId: string): Promise<Bill | null> {
    const entity = await this.dataSource.getRepository(BillEntity).findOneBy({ id: billId, merchantId });
    return entity ? BillMapper.toDomain(entity) : null;
  }

  /** Reads and locks the bill for a transition; concurrent transitions of one bill queue up. */
  async lockOfMerchant(transaction: EntityManager, merchantId: string, billId: string): Promise<Bill | null> {
    const entity = await transaction
      .getRepository(BillEntity)
      .createQueryBuilder('b')
      .where('b.id = :billId AND b.merchant_id = :merchantId', { billId, merchantId })
      .setLock('pessimistic_write')
      .getOne();
    return entity ? BillMapper.toDomain(entity) : null;
  }

  async list(merchantId: string, filter: BillFilter): Promise<Bill[]> {
    const query = this.dataSource.getRepository(BillEntity).createQueryBuilder('b').where('b.merchant_id = :merchantId', { merchantId });
    if (filter.status) query.andWhere('b.status = :status', { status: filter.status });
    if (filter.dueDateFrom) query.andWhere('b.due_date >= :from', { from: filter.dueDateFrom });
    if (filter.dueDateTo) query.andWhere('b.due_date <= :to', { to: filter.dueDateTo });
    if (filter.merchantBillNumber) query.andWhere('b.merchant_bill_number = :number', { number: filter.merchantBillNumber });
    if (filter.afterId) query.andWhere('b.id > :afterId', { afterId: filter.afterId });
    const entities = await query.orderBy('b.id').limit(filter.limit).getMany();
    return entities.map((entity) => BillMapper.toDomain(entity));
  }

  /** Open bills whose due date ended before `today` (Japan), locked, skipping those another worker holds. */
  async lockExpired(transaction: EntityManager, today: string, limit: number): Promise<Bill[]> {
    const entities = await transaction
      .getRepository(BillEntity)
      .createQueryBuilder('b')
      .where('b.status IN (:...open) AND b.due_date < :today', { open: OPEN_BILL_STATUSES, today })
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return entities.map((entity) => BillMapper.toDomain(entity));
  }

  /**
   * Open bills with a phone, due between `today` and `dueDate` and not reminded yet, created before
   * `createdBefore` (a bill created inside the reminder period just got its link), locked (SKIP LOCKED).
   */
  async lockDueForReminder(transaction: EntityManager, window: { today: string; dueDate: string; createdBefore: Date }, limit: number): Promise<Bill[]> {
    const entities = await transaction
      .getRepository(BillEntity)
      .createQueryBuilder('b')
      .where('b.status IN (:...open) AND b.due_date BETWEEN :today AND :dueDate', { open: OPEN_BILL_STATUSES, ...window })
      .andWhere('b.reminded_at IS NULL AND b.customer_phone IS NOT NULL AND b.created_at < :createdBefore')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return entities.map((entity) => BillMapper.toDomain(entity));
  }

  async markReminded(transaction: EntityManager, billId: string, at: Date): Promise<void> {
    await transaction.update(BillEntity, { id: billId }, { remindedAt: at });
  }

  /** Records a payment attempt once per payment and outcome; false when it was already recorded. */
  async recordPaymentAttempt(transaction: EntityManager, attempt: Omit<PaymentAttemptEntity, 'reasonCode'> & { reasonCode?: string }): Promise<boolean> {
    const result = await transaction
      .createQueryBuilder()
      .insert()
      .into(PaymentAttemptEntity)
      .values({ ...attempt, reasonCode: attempt.reasonCode ?? null })
      .orIgnore()
      .returning(['paymentId'])
      .execute();
    return result.raw.length > 0;
  }
}
