import type { DataSource, EntityManager } from 'typeorm';
import type { JobPartitionRecord, JobRepository, PartitionClaim } from '@kessai/recurring-data-access';
import type { ShopWorkRequestedV1Payload } from '@kessai/recurring-contracts';
import { FixedClock } from '@kessai/shared-clock';
import type { EventEnvelope } from '@kessai/shared-contracts';
import type { WorkDelivery } from '@kessai/shared-messaging';
import type { JobRegistry } from '../jobs/job-registry';
import type { AnyShopJob, PipelinedShopJob, ShopChunk, ShopJob } from '../jobs/shop-job';
import type { JobsOptions } from '../jobs.options';
import { RunShopWorkWhenRequestedHandler } from './run-shop-work-when-requested.handler';

const records = (count: number) => Array.from({ length: count }, (_, i) => `r${String(i + 1).padStart(3, '0')}`);

/** A job over records "r001".."rNNN" that remembers the chunks it was asked for. */
function recordsJob(count: number): ShopJob & { chunks: ShopChunk[] } {
  const all = records(count);
  const chunks: ShopChunk[] = [];
  return {
    name: 'generate-charges',
    chunks,
    countRecords: async () => count,
    runChunk: async (_transaction, chunk) => {
      chunks.push(chunk);
      const batch = all.filter((id) => id > chunk.after).slice(0, chunk.limit);
      return { processed: batch.length, checkpoint: batch.at(-1) ?? null };
    },
  };
}

/** A pipelined job whose calls are written to `events` in the order they happen. */
function pipelinedJob(count: number, events: string[], failOnChunk?: number): PipelinedShopJob<string, string> {
  const all = records(count);
  let prepared = 0;
  return {
    name: 'authorize-charges',
    countRecords: async () => count,
    readRecords: async (_scope, after, limit) => all.filter((id) => id > after).slice(0, limit),
    checkpointOf: (record) => record,
    prepareChunk: async (_scope, chunk) => {
      prepared += 1;
      if (prepared === failOnChunk) throw new Error('processor unreachable');
      events.push(`prepare ${chunk[0]}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`prepared ${chunk[0]}`);
      return `answers for ${chunk[0]}`;
    },
    writeChunk: async (_transaction, _scope, chunk, answers) => {
      events.push(`write ${chunk[0]} with ${answers}`);
    },
  };
}

function setUp(job: AnyShopJob, partition: Partial<JobPartitionRecord> | null, claims: PartitionClaim['state'][] = ['claimed'], concurrency = 4) {
  const committed: { checkpoint: string; records: number }[] = [];
  const finished: { outcome: string; error: string | null }[] = [];
  const calls: string[] = [];
  const partitionRecord = (): JobPartitionRecord => ({
    executionId: 'e1', shopId: 's1', status: 'running', recordsTotal: 0, recordsDone: 0, checkpoint: null, chunksCommitted: 0, attempts: 1, error: null, ...partition,
  });
  const jobs = {
    claimPartition: async (): Promise<PartitionClaim> => {
      const state = claims.length > 1 ? (claims.shift() as PartitionClaim['state']) : claims[0];
      calls.push(`claim ${state}`);
      if (state === 'claimed') return { state, partition: partitionRecord() };
      if (state === 'leased-elsewhere') return { state, leaseExpiresAt: new Date(Date.now() + 10) };
      return { state };
    },
    setRecordsTotal: async () => undefined,
    renewLease: async () => true,
    releaseLease: async () => void calls.push('release'),
    recordFailure: async (_e: string, _s: string, _t: string, error: string) => void calls.push(`failure ${error}`),
    commitChunk: async (_t: EntityManager, _e: string, _s: string, _token: string, checkpoint: string, records: number) => void committed.push({ checkpoint, records }),
    finishPartition: async (_e: string, _s: string, _t: string, outcome: string, error: string | null) => void finished.push({ outcome, error }),
  } as unknown as JobRepository;
  const dataSource = { transaction: (work: (t: EntityManager) => Promise<unknown>) => work({} as EntityManager) } as unknown as DataSource;
  const registry = { get: () => job } as unknown as JobRegistry;
  const options: JobsOptions = {
    defaults: { concurrency, chunkSize: 10, fetchSize: 10 },
    perJob: {},
    progressLogEvery: 10_000,
    processorUrl: '',
    partitionLeaseMs: 3000,
    schedule: [],
    schedulePollMs: 1000,
    scheduleCatchUpMs: 0,
    screening: { url: '', timeoutMs: 100, failureMode: 'open' },
    processorSigningSecret: '',
    dunningRetryDays: [],
  };
  const handler = new RunShopWorkWhenRequestedHandler(dataSource, registry, jobs, new FixedClock(), options);
  const event = (shopId = 's1') =>
    ({ payload: { executionId: 'e1', jobName: job.name, shopId, cycle: '2026-02', dryRun: false } }) as EventEnvelope<ShopWorkRequestedV1Payload>;
  const delivery = (overrides: Partial<WorkDelivery> = {}): WorkDelivery => ({ attempt: 1, finalAttempt: false, signal: new AbortController().signal, ...overrides });
  return { handler, event, delivery, committed, finished, calls };
}

describe('RunShopWorkWhenRequestedHandler', () => {
  it('runs a shop in chunks of the configured size, committing a checkpoint with each', async () => {
    const job = recordsJob(25);
    const { handler, event, delivery, committed, finished } = setUp(job, {});
    expect(await handler.handle(event(), delivery())).toBe('done');
    expect(committed).toEqual([
      { checkpoint: 'r010', records: 10 },
      { checkpoint: 'r020', records: 10 },
      { checkpoint: 'r025', records: 5 },
    ]);
    expect(finished).toEqual([{ outcome: 'succeeded', error: null }]);
  });

  it('resumes after the checkpoint of the last committed chunk', async () => {
    const job = recordsJob(25);
    const { handler, event, delivery, committed } = setUp(job, { checkpoint: 'r020', recordsDone: 20 });
    await handler.handle(event(), delivery());
    expect(job.chunks[0].after).toBe('r020');
    expect(committed).toEqual([{ checkpoint: 'r025', records: 5 }]);
  });

  it('does nothing for a partition that is already finished (a redelivered work message)', async () => {
    const job = recordsJob(25);
    const { handler, event, delivery, committed, finished } = setUp(job, {}, ['finished']);
    expect(await handler.handle(event(), delivery())).toBe('done');
    expect(job.chunks).toHaveLength(0);
    expect(committed).toEqual([]);
    expect(finished).toEqual([]);
  });

  it('waits while another run holds the shop, and runs it once that lease is gone', async () => {
    const job = recordsJob(5);
    const { handler, event, delivery, calls, finished } = setUp(job, {}, ['leased-elsewhere', 'leased-elsewhere', 'claimed']);
    await handler.handle(event(), delivery());
    expect(calls.slice(0, 3)).toEqual(['claim leased-elsewhere', 'claim leased-elsewhere', 'claim claimed']);
    expect(finished).toEqual([{ outcome: 'succeeded', error: null }]);
  });

  it("prepares the next chunk (the processor call) while the current chunk's answers are written", async () => {
    const events: string[] = [];
    const { handler, event, delivery, committed } = setUp(pipelinedJob(25, events), {});
    await handler.handle(event(), delivery());
    expect(committed.map((chunk) => chunk.checkpoint)).toEqual(['r010', 'r020', 'r025']);
    // chunk 2's request went out before chunk 1 was written
    expect(events.indexOf('prepare r011')).toBeLessThan(events.indexOf('write r001 with answers for r001'));
    expect(events.filter((line) => line.startsWith('write'))).toEqual([
      'write r001 with answers for r001',
      'write r011 with answers for r011',
      'write r021 with answers for r021',
    ]);
  });

  it('keeps a failure visible and hands the retry back to the consumer, then marks the shop failed on the last attempt', async () => {
    const first = setUp(pipelinedJob(25, [], 2), {});
    await expect(first.handler.handle(first.event(), first.delivery({ attempt: 1 }))).rejects.toThrow('processor unreachable');
    expect(first.calls).toEqual(expect.arrayContaining(['failure processor unreachable', 'release']));
    expect(first.committed).toEqual([{ checkpoint: 'r010', records: 10 }]);
    expect(first.finished).toEqual([]);

    const last = setUp(pipelinedJob(25, [], 1), {});
    expect(await last.handler.handle(last.event(), last.delivery({ attempt: 5, finalAttempt: true }))).toBe('done');
    expect(last.finished).toEqual([{ outcome: 'failed', error: 'processor unreachable' }]);
  });

  it('stops at a chunk boundary when the consumer stops, giving the lease back so the message is taken over at once', async () => {
    const stop = new AbortController();
    stop.abort();
    const { handler, event, delivery, calls, committed, finished } = setUp(recordsJob(25), {});
    expect(await handler.handle(event(), delivery({ signal: stop.signal }))).toBe('stopped');
    expect(committed).toEqual([]);
    expect(finished).toEqual([]);
    expect(calls).toContain('release');
  });

  it("runs at most the job's concurrency of shops at once", async () => {
    let running = 0;
    let most = 0;
    const job: ShopJob = {
      name: 'generate-charges',
      countRecords: async () => 1,
      runChunk: async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return { processed: 1, checkpoint: 'r001' };
      },
    };
    const { handler, event, delivery } = setUp(job, {}, ['claimed'], 2);
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((shop) => handler.handle(event(shop), delivery())));
    expect(most).toBe(2);
  });
});
