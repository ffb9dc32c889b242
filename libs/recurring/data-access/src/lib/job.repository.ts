import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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
}

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

  /** Marks a queued (or restarted) partition running with its record count; keeps its checkpoint. */
  async startPartition(executionId: string, shopId: string, recordsTotal: number, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${recurringTable(this.dataSource, 'job_partition')}
       SET status = 'running', records_total = $3, started_at = COALESCE(started_at, $4)
       WHERE execution_id = $1 AND shop_id = $2 AND status IN ('queued', 'running')`,
      [executionId, shopId, recordsTotal, now],
    );
  }

  /** The checkpoint moves in the chunk's own transaction: its effects and its checkpoint commit together. */
  async commitChunk(transaction: EntityManager, executionId: string, shopId: string, checkpoint: string, records: number): Promise<void> {
    await transaction.query(
      `UPDATE ${recurringTable(transaction, 'job_partition')}
       SET checkpoint = $3, records_done = records_done + $4, chunks_committed = chunks_committed + 1
       WHERE execution_id = $1 AND shop_id = $2`,
      [executionId, shopId, checkpoint, records],
    );
  }

  /** Ends a partition; the execution ends with its last partition (the execution row is locked so two instances agree). */
  async finishPartition(executionId: string, shopId: string, outcome: 'succeeded' | 'failed', error: string | null, now: Date): Promise<void> {
    await this.dataSource.transaction(async (transaction) => {
      await transaction.query(`SELECT id FROM ${recurringTable(transaction, 'job_execution')} WHERE id = $1 FOR UPDATE`, [executionId]);
      await transaction.query(
        `UPDATE ${recurringTable(transaction, 'job_partition')} SET status = $3, error = $4, finished_at = $5
         WHERE execution_id = $1 AND shop_id = $2`,
        [executionId, shopId, outcome, error, now],
      );
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
  };
}
