import type { DataSource, EntityManager } from 'typeorm';
import type { JobPartitionRecord, JobRepository } from '@kessai/recurring-data-access';
import type { ShopWorkRequestedV1Payload } from '@kessai/recurring-contracts';
import { FixedClock } from '@kessai/shared-clock';
import type { EventEnvelope } from '@kessai/shared-contracts';
import type { JobRegistry } from '../jobs/job-registry';
import type { ShopChunk, ShopJob } from '../jobs/shop-job';
import { RunShopWorkWhenRequestedHandler } from './run-shop-work-when-requested.handler';

/** A job over records "r001".."rNNN" that remembers the chunks it was asked for. */
function recordsJob(count: number): ShopJob & { chunks: ShopChunk[] } {
  const records = Array.from({ length: count }, (_, i) => `r${String(i + 1).padStart(3, '0')}`);
  const chunks: ShopChunk[] = [];
  return {
    name: 'generate-charges',
    chunks,
    countRecords: async () => count,
    runChunk: async (_transaction, chunk) => {
      chunks.push(chunk);
      const batch = records.filter((id) => id > chunk.after).slice(0, chunk.limit);
      return { processed: batch.length, checkpoint: batch.at(-1) ?? null };
    },
  };
}

function setUp(job: ShopJob, partition: Partial<JobPartitionRecord> | null) {
  const committed: { checkpoint: string; records: number }[] = [];
  const finished: string[] = [];
  const jobs = {
    findPartition: async () =>
      partition && { executionId: 'e1', shopId: 's1', status: 'queued', recordsTotal: 0, recordsDone: 0, checkpoint: null, chunksCommitted: 0, ...partition },
    startPartition: async () => undefined,
    commitChunk: async (_t: EntityManager, _e: string, _s: string, checkpoint: string, records: number) => void committed.push({ checkpoint, records }),
    finishPartition: async (_e: string, _s: string, outcome: string) => void finished.push(outcome),
  } as unknown as JobRepository;
  const dataSource = { transaction: (work: (t: EntityManager) => Promise<unknown>) => work({} as EntityManager) } as unknown as DataSource;
  const registry = { get: () => job } as unknown as JobRegistry;
  const handler = new RunShopWorkWhenRequestedHandler(dataSource, registry, jobs, new FixedClock(), { chunkSize: 10, progressLogEvery: 10_000, processorUrl: '', processorSigningSecret: '', dunningRetryDays: [] });
  const event = { payload: { executionId: 'e1', jobName: 'generate-charges', shopId: 's1', cycle: '2026-02', dryRun: false } } as EventEnvelope<ShopWorkRequestedV1Payload>;
  return { handler, event, committed, finished };
}

describe('RunShopWorkWhenRequestedHandler', () => {
  it('runs a shop in chunks of the configured size, committing a checkpoint with each', async () => {
    const job = recordsJob(25);
    const { handler, event, committed, finished } = setUp(job, {});
    await handler.handle(event, {} as EntityManager);
    expect(committed).toEqual([
      { checkpoint: 'r010', records: 10 },
      { checkpoint: 'r020', records: 10 },
      { checkpoint: 'r025', records: 5 },
    ]);
    expect(finished).toEqual(['succeeded']);
  });

  it('resumes after the checkpoint of the last committed chunk', async () => {
    const job = recordsJob(25);
    const { handler, event, committed } = setUp(job, { status: 'running', checkpoint: 'r020', recordsDone: 20 });
    await handler.handle(event, {} as EntityManager);
    expect(job.chunks[0].after).toBe('r020');
    expect(committed).toEqual([{ checkpoint: 'r025', records: 5 }]);
  });

  it('does nothing for a partition that is already finished (a redelivered work message)', async () => {
    const job = recordsJob(25);
    const { handler, event, committed, finished } = setUp(job, { status: 'succeeded', checkpoint: 'r025', recordsDone: 25 });
    await handler.handle(event, {} as EntityManager);
    expect(job.chunks).toHaveLength(0);
    expect(committed).toEqual([]);
    expect(finished).toEqual([]);
  });
});
