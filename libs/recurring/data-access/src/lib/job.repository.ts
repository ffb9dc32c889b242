import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RecurringException } from '@kessai/recurring-domain';
import { recurringTable } from './recurring-tables';

export interface JobExecutionRecord {
  id: string;
  jobName: string;
  cycle: string;
  dryRun: boolean;
  includeShops: string[] | null;
  excludeShops: string[] | null;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: Date;
  finishedAt: Date | null;
  recordsTotal: number;
  recordsDone: number;
  partitionsTotal: number;
  partitionsDone: number;
}

export interface JobPartitionRecord {
  executionId: string;
  shopId: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  recordsTotal: number;
  recordsDone: number;
  checkpoint: string | null;
  chunksCommitted: number;
  /** Runs started (a retry or a takeover after a crash starts another). */
  attempts: number;
  /** The last failure, kept while the partition is retried and once it failed. */
  error: string | null;
}

/** What a work message finds when it tries to lease its partition. */
export type PartitionClaim =
  | { state: 'claimed'; partition: JobPartitionRecord }
  | { state: 'finished' }
  | { state: 'leased-elsewhere'; leaseExpiresAt: Date }
  | { state: 'missing' };

const EXECUTION_COLUMNS = `e.id, e.job_name, e.cycle, e.dry_run, e.include_shops, e.exclude_shops, e.status, e.started_at, e.finished_at,
  COALESCE(SUM(p.records_total), 0)::bigint AS records_total, COALESCE(SUM(p.records_done), 0)::bigint AS records_done,
  COUNT(p.shop_id)::int AS partitions_total, COUNT(p.shop_id) FILTER (WHERE p.status = 'succeeded')::int AS partitions_done`;

@Injectable()
export class JobRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertExecution(
    transaction: EntityManager,
    execution: { id: string; jobName: string; cycle: string; dryRun: boolean; includeShops: string[] | null; excludeShops: string[] | null; startedAt: Date },
    shopIds: string[],
  ): Promise<void> {
    await transaction.query(
      `INSERT INTO ${recurringTable(transaction, 'job_execution')} (id, job_name, cycle, dry_run, include_shops, exclude_shops, status, started_at, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        execution.id,
        execution.jobName,
        execution.cycle,
        execution.dryRun,
        execution.includeShops,
        execution.excludeShops,
        shopIds.length === 0 ? 'succeeded' : 'running',
        execution.startedAt,
        shopIds.length === 0 ? execution.startedAt : null,
      ],
    );
    await transaction.query(
      `INSERT INTO ${recurringTable(transaction, 'job_partition')} (execution_id, shop_id, status)
       SELECT $1, shop_id, 'queued' FROM unnest($2::text[]) AS shop_id`,
      [execution.id, shopIds],
    );
  }

  async findExecution(id: string): Promise<JobExecutionRecord | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${EXECUTION_COLUMNS} FROM ${recurringTable(this.dataSource, 'job_execution')} e
       LEFT JOIN ${recurringTable(this.dataSource, 'job_partition')} p ON p.execution_id = e.id
       WHERE e.id = $1 GROUP BY e.id`,
      [id],
    );
    return rows[0] ? toExecution(rows[0]) : null;
  }

  /** The latest executions of a job, newest first. */
  async history(jobName: string, limit: number): Promise<JobExecutionRecord[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${EXECUTION_COLUMNS} FROM ${recurringTable(this.dataSource, 'job_execution')} e
       LEFT JOIN ${recurringTable(this.dataSource, 'job_partition')} p ON p.execution_id = e.id
       WHERE e.job_name = $1 GROUP BY e.id ORDER BY e.started_at DESC, e.id LIMIT $2`,
      [jobName, limit],
    );
    return rows.map(toExecution);
  }

  async findPartition(executionId: string, shopId: string): Promise<JobPartitionRecord | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM ${recurringTable(this.dataSource, 'job_partition')} WHERE execution_id = $1 AND shop_id = $2`,
      [executionId, shopId],
    );
    return rows[0] ? toPartition(rows[0]) : null;
  }

  async partitions(executionId: string): Promise<JobPartitionRecord[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM ${recurringTable(this.dataSource, 'job_partition')} WHERE execution_id = $1 ORDER BY shop_id`,
      [executionId],
    );
    return rows.map(toPartition);
  }

  /**
   * Leases a partition to one run: a queued one, or a running one whose lease ran out (its instance died or
   * hung). The lease lasts `leaseMs` from the database's clock and must be renewed; every write of the run is
   * fenced by its token, so a run that lost its lease can change nothing.
   */
  async claimPartition(executionId: string, shopId: string, token: string, leaseMs: number): Promise<PartitionClaim> {
    const table = recurringTable(this.dataSource, 'job_partition');
    const claimed: Record<string, unknown>[] = await this.dataSource.query(
      `WITH claimed AS (UPDATE ${table}
         SET status = 'running', lease_token = $3, lease_expires_at = now() + make_interval(secs => $4 / 1000.0),
             attempts = attempts + 1, started_at = COALESCE(started_at, now())
         WHERE execution_id = $1 AND shop_id = $2
           AND (status = 'queued' OR (status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at < now())))
         RETURNING *)
       SELECT * FROM claimed`,
      [executionId, shopId, token, leaseMs],
    );
    if (claimed[0]) return { state: 'claimed', partition: toPartition(claimed[0]) };
    const rows: { status: string; lease_expires_at: Date | null }[] = await this.dataSource.query(
      `SELECT status, lease_expires_at FROM ${table} WHERE execution_id = $1 AND shop_id = $2`,
      [executionId, shopId],
    );
    if (!rows[0]) return { state: 'missing' };
    if (rows[0].status === 'succeeded' || rows[0].status === 'failed') return { state: 'finished' };
    return { state: 'leased-elsewhere', leaseExpiresAt: rows[0].lease_expires_at ?? new Date() };
  }

  /** Extends the run's lease; false when the run lost it (another run took the partition over). */
  async renewLease(executionId: string, shopId: string, token: string, leaseMs: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH renewed AS (UPDATE ${recurringTable(this.dataSource, 'job_partition')}
         SET lease_expires_at = now() + make_interval(secs => $4 / 1000.0)
         WHERE execution_id = $1 AND shop_id = $2 AND lease_token = $3 AND status = 'running' RETURNING 1)
       SELECT * FROM renewed`,
      [executionId, shopId, token, leaseMs],
    );
    return rows.length === 1;
  }

  /** Gives the lease up at once (a graceful stop): the redelivered message is taken over without waiting. */
  async releaseLease(executionId: string, shopId: string, token: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${recurringTable(this.dataSource, 'job_partition')} SET lease_expires_at = NULL
       WHERE execution_id = $1 AND shop_id = $2 AND lease_token = $3`,
      [executionId, shopId, token],
    );
  }

  async setRecordsTotal(executionId: string, shopId: string, token: string, recordsTotal: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${recurringTable(this.dataSource, 'job_partition')} SET records_total = $4
       WHERE execution_id = $1 AND shop_id = $2 AND lease_token = $3`,
      [executionId, shopId, token, recordsTotal],
    );
  }

  /** Keeps a failure of the running partition visible in its status while it is retried. */
  async recordFailure(executionId: string, shopId: string, token: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${recurringTable(this.dataSource, 'job_partition')} SET error = $4
       WHERE execution_id = $1 AND shop_id = $2 AND lease_token = $3`,
      [executionId, shopId, token, error.slice(0, 2000)],
    );
  }

  /**
   * The checkpoint moves in the chunk's own transaction: its effects and its checkpoint commit together. Only
   * the run holding the lease may commit; any other throws, so its transaction rolls back.
   */
  async commitChunk(transaction: EntityManager, executionId: string, shopId: string, token: string, checkpoint: string, records: number): Promise<void> {
    const rows: unknown[] = await transaction.query(
      `WITH moved AS (UPDATE ${recurringTable(transaction, 'job_partition')}
         SET checkpoint = $4, records_done = records_done + $5, chunks_committed = chunks_committed + 1
         WHERE execution_id = $1 AND shop_id = $2 AND lease_token = $3 AND status = 'running' RETURNING 1)
       SELECT * FROM moved`,
      [executionId, shopId, token, checkpoint, records],
    );
    if (rows.length !== 1) {
      throw new RecurringException('RECURRING_PARTITION_LEASE_LOST', `The run of ${shopId} in execution ${executionId} lost its lease: another run took over`);
    }
  }

  /**
   * Puts a failed partition back in the queue of its execution (a rerun for that shop alone), which runs again;
   * it resumes after its checkpoint. False when the partition is not failed.
   */
  async requeueFailedPartition(transaction: EntityManager, executionId: string, shopId: string): Promise<boolean> {
    await transaction.query(`SELECT id FROM ${recurringTable(transaction, 'job_execution')} WHERE id = $1 FOR UPDATE`, [executionId]);
    const rows: unknown[] = await transaction.query(
      `WITH requeued AS (UPDATE ${recurringTable(transaction, 'job_partition')}
         SET status = 'queued', lease_token = NULL, lease_expires_at = NULL, finished_at = NULL
         WHERE execution_id = $1 AND shop_id = $2 AND status = 'failed' RETURNING 1)
       SELECT * FROM requeued`,
      [executionId, shopId],
    );
    if (rows.length === 0) return false;
    await transaction.query(`UPDATE ${recurringTable(transaction, 'job_execution')} SET status = 'running', finished_at = NULL WHERE id = $1`, [executionId]);
    return true;
  }

  /**
   * Ends a partition (fenced by the run's lease token); the execution ends with its last partition (the execution
   * row is locked so two instances agree).
   */
  async finishPartition(executionId: string, shopId: string, token: string, outcome: 'succeeded' | 'failed', error: string | null, now: Date): Promise<void> {
    await this.dataSource.transaction(async (transaction) => {
      await transaction.query(`SELECT id FROM ${recurringTable(transaction, 'job_execution')} WHERE id = $1 FOR UPDATE`, [executionId]);
      const finished: unknown[] = await transaction.query(
        `WITH finished AS (UPDATE ${recurringTable(transaction, 'job_partition')}
           SET status = $4, error = COALESCE($5, CASE WHEN $4 = 'succeeded' THEN NULL ELSE error END), finished_at = $6, lease_expires_at = NULL
           WHERE execution_id = $1 AND shop_id = $2 AND lease_token = $3 AND status = 'running' RETURNING 1)
         SELECT * FROM finished`,
        [executionId, shopId, token, outcome, error?.slice(0, 2000) ?? null, now],
      );
      if (finished.length !== 1) {
        throw new RecurringException('RECURRING_PARTITION_LEASE_LOST', `The run of ${shopId} in execution ${executionId} lost its lease: another run took over`);
      }
      await transaction.query(
        `UPDATE ${recurringTable(transaction, 'job_execution')} e
         SET status = CASE WHEN EXISTS (SELECT 1 FROM ${recurringTable(transaction, 'job_partition')} p WHERE p.execution_id = e.id AND p.status = 'failed')
                      THEN 'failed' ELSE 'succeeded' END,
             finished_at = $2
         WHERE e.id = $1 AND NOT EXISTS (
           SELECT 1 FROM ${recurringTable(transaction, 'job_partition')} p WHERE p.execution_id = e.id AND p.status IN ('queued', 'running'))`,
        [executionId, now],
      );
    });
  }
}

function toExecution(row: Record<string, unknown>): JobExecutionRecord {
  return {
    id: row.id as string,
    jobName: row.job_name as string,
    cycle: row.cycle as string,
    dryRun: row.dry_run as boolean,
    includeShops: row.include_shops as string[] | null,
    excludeShops: row.exclude_shops as string[] | null,
    status: row.status as JobExecutionRecord['status'],
    startedAt: row.started_at as Date,
    finishedAt: row.finished_at as Date | null,
    recordsTotal: Number(row.records_total),
    recordsDone: Number(row.records_done),
    partitionsTotal: Number(row.partitions_total),
    partitionsDone: Number(row.partitions_done),
  };
}

function toPartition(row: Record<string, unknown>): JobPartitionRecord {
  return {
    executionId: row.execution_id as string,
    shopId: row.shop_id as string,
    status: row.status as JobPartitionRecord['status'],
    recordsTotal: Number(row.records_total),
    recordsDone: Number(row.records_done),
    checkpoint: row.checkpoint as string | null,
    chunksCommitted: Number(row.chunks_committed),
    attempts: Number(row.attempts ?? 0),
    error: (row.error as string | null) ?? null,
  };
}
