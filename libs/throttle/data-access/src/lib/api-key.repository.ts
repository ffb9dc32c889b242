import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.getRepository(ApiKeyEntity).findOneBy({ keyHash });
  }

  /** A merchant reaches only its own keys: another merchant's key id reads as not found. */
  findOfMerchant(merchantId: string, id: string, transaction?: EntityManager): Promise<ApiKeyEntity | null> {
    const manager = transaction ?? this.dataSource.manager;
    return manager.getRepository(ApiKeyEntity).findOne({ where: { id, merchantId }, lock: transaction ? { mode: 'pessimistic_write' } : undefined });
  }

  listOfMerchant(merchantId: string): Promise<ApiKeyEntity[]> {
    return this.dataSource.getRepository(ApiKeyEntity).find({ where: { merchantId }, order: { createdAt: 'ASC' } });
  }

  async save(key: ApiKeyEntity, transaction?: EntityManager): Promise<void> {
    await (transaction ?? this.dataSource.manager).getRepository(ApiKeyEntity).save(key);
  }

  transaction<T>(work: (transaction: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
