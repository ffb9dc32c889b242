import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MerchantLimits } from '@kessai/throttle-domain';
import { MerchantLimitsEntity } from './merchant-limits.entity';

@Injectable()
export class MerchantLimitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(merchantId: string): Promise<MerchantLimits | null> {
    const row = await this.dataSource.getRepository(MerchantLimitsEntity).findOneBy({ merchantId });
    return row?.limits ?? null;
  }

  async put(merchantId: string, limits: MerchantLimits, updatedAt: Date): Promise<void> {
    await this.dataSource.getRepository(MerchantLimitsEntity).upsert({ merchantId, limits, updatedAt }, ['merchantId']);
  }
}
