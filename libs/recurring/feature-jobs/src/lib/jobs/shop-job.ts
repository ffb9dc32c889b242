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

/** One job's work for one shop, in chunks over records kept in a stable order, each chunk in one transaction. */
export interface ShopJob {
  readonly name: string;
  countRecords(shopId: string, cycle: string): Promise<number>;
  /** Runs inside the chunk's transaction; writes nothing when `dryRun`. */
  runChunk(transaction: EntityManager, chunk: ShopChunk): Promise<ShopChunkResult>;
}

/** The shop and cycle a pipelined job's chunk belongs to. */
export interface ShopChunkScope {
  shopId: string;
  cycle: string;
}

/**
 * A job whose chunks wait on something outside the database (the processor). Its chunks go through a pipeline:
 * records are read `fetchSize` at a time, cut into chunks of `chunkSize`, and chunk n+1's outside work
 * (`prepareChunk`) runs while chunk n is written and committed with its checkpoint (`writeChunk`). Chunks commit
 * in order, so a restart resumes after the last committed one; whatever was prepared but not committed is
 * prepared again, which is why the outside work must be idempotent (the processor's idempotency key).
 */
export interface PipelinedShopJob<TRecord = unknown, TPrepared = unknown> {
  readonly name: string;
  countRecords(shopId: string, cycle: string): Promise<number>;
  /** Up to `limit` records after `after` ('' at the start) in checkpoint order, read outside any transaction. */
  readRecords(scope: ShopChunkScope, after: string, limit: number): Promise<TRecord[]>;
  /** The checkpoint a chunk ending with this record commits. */
  checkpointOf(record: TRecord): string;
  /** The chunk's outside work, outside any transaction. */
  prepareChunk(scope: ShopChunkScope, records: TRecord[]): Promise<TPrepared>;
  /** Applies a prepared chunk inside the transaction that also moves the checkpoint. */
  writeChunk(transaction: EntityManager, scope: ShopChunkScope, records: TRecord[], prepared: TPrepared): Promise<void>;
}

export type AnyShopJob = ShopJob | PipelinedShopJob;

export function isPipelined(job: AnyShopJob): job is PipelinedShopJob {
  return 'prepareChunk' in job;
}
