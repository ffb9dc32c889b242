import { JobExecutionRecord, JobPartitionRecord } from '@kessai/recurring-data-access';
import { JobProgress, jobProgress } from '@kessai/recurring-domain';

export interface JobExecutionResponse {
  executionId: string;
  jobName: string;
  cycle: string;
  dryRun: boolean;
  includeShops: string[] | null;
  excludeShops: string[] | null;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  progress: JobProgress & { shopsDone: number; shopsTotal: number };
  /** Per shop; `error` is the last failure (kept while retried, and on a failed shop), `attempts` the runs started. */
  shops?: { shopId: string; status: string; done: number; total: number; chunksCommitted: number; attempts: number; error: string | null }[];
  /** Shops that failed: rerun each with POST /jobs/{name}/executions/{id}/shops/{shopId}/rerun. */
  failedShops?: string[];
}

export function toJobExecutionResponse(execution: JobExecutionRecord, now: Date, partitions?: JobPartitionRecord[]): JobExecutionResponse {
  return {
    executionId: execution.id,
    jobName: execution.jobName,
    cycle: execution.cycle,
    dryRun: execution.dryRun,
    includeShops: execution.includeShops,
    excludeShops: execution.excludeShops,
    status: execution.status,
    startedAt: execution.startedAt.toISOString(),
    finishedAt: execution.finishedAt?.toISOString() ?? null,
    progress: {
      ...jobProgress(execution.recordsDone, execution.recordsTotal, execution.startedAt, execution.finishedAt ?? now),
      shopsDone: execution.partitionsDone,
      shopsTotal: execution.partitionsTotal,
    },
    shops: partitions?.map((p) => ({
      shopId: p.shopId,
      status: p.status,
      done: p.recordsDone,
      total: p.recordsTotal,
      chunksCommitted: p.chunksCommitted,
      attempts: p.attempts,
      error: p.error,
    })),
    failedShops: partitions?.filter((p) => p.status === 'failed').map((p) => p.shopId),
  };
}
