import type { EntityManager } from 'typeorm';

export interface ShopChunk {
  shopId: string;
  cycle: string;
  /** The checkpoint of the last committed chunk ('' at the start): the chunk begins after it. */
  after: string;
  limit: number;
  dryRun: boolean;
}

export interface ShopChunkResult {
  /** Records this chunk went through (0: the shop's work is done). */
  processed: number;
  /** Where the next chunk begins. */
  checkpoint: string | null;
}

/** One job's work for one shop, in chunks over records kept in a stable order. */
export interface ShopJob {
  readonly name: string;
  countRecords(shopId: string, cycle: string): Promise<number>;
  /** Runs inside the chunk's transaction; writes nothing when `dryRun`. */
  runChunk(transaction: EntityManager, chunk: ShopChunk): Promise<ShopChunkResult>;
}
