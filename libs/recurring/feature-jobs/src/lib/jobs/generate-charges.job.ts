import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ChargeRepository } from '@kessai/recurring-data-access';
import { ShopChunk, ShopChunkResult, ShopJob } from './shop-job';

/** Charges without a file: each active recurring definition becomes one pending charge of the cycle. */
@Injectable()
export class GenerateChargesJob implements ShopJob {
  readonly name = 'generate-charges';

  constructor(private readonly charges: ChargeRepository) {}

  countRecords(shopId: string, cycle: string): Promise<number> {
    return this.charges.countActiveDefinitions(shopId, cycle);
  }

  async runChunk(transaction: EntityManager, chunk: ShopChunk): Promise<ShopChunkResult> {
    const result = await this.charges.generateFromDefinitions(transaction, {
      shopId: chunk.shopId,
      cycle: chunk.cycle,
      afterDefinitionId: chunk.after,
      limit: chunk.limit,
      dryRun: chunk.dryRun,
    });
    return { processed: result.selected, checkpoint: result.lastDefinitionId };
  }
}
