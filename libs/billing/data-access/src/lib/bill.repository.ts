import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Bill, BillingException } from '@kessai/billing-domain';
import { BillEntity } from './bill.entity';
import { BillMapper } from './bill.mapper';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class BillRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(transaction: EntityManager, bill: Bill, createdAt: Date): Promise<void> {
    try {
      await transaction.insert(BillEntity, BillMapper.toEntity(bill, createdAt));
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

  /** A merchant sees only its own bills: another merchant's id reads as not found. */
  async findOfMerchant(merchantId: string, billId: string): Promise<Bill | null> {
    const entity = await this.dataSource.getRepository(BillEntity).findOneBy({ id: billId, merchantId });
    return entity ? BillMapper.toDomain(entity) : null;
  }
}
