import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { recurringTable } from './recurring-tables';

@Injectable()
export class JobScheduleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes a slot of a schedule entry for the execution about to be launched in the same transaction. Only one
   * transaction gets it: a concurrent one waits on the primary key, then finds it taken (false) and launches nothing.
   */
  async takeSlot(transaction: EntityManager, slot: { entry: string; slot: Date; jobName: string; executionId: string }): Promise<boolean> {
    const rows: unknown[] = await transaction.query(
      `INSERT INTO ${recurringTable(transaction, 'job_schedule_slot')} (entry, slot, job_name, execution_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
      [slot.entry, slot.slot, slot.jobName, slot.executionId],
    );
    return rows.length === 1;
  }

  /** Whether the slot was fired already (saves a transaction on each tick of every instance). */
  async isTaken(entry: string, slot: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM ${recurringTable(this.dataSource, 'job_schedule_slot')} WHERE entry = $1 AND slot = $2`,
      [entry, slot],
    );
    return rows.length === 1;
  }
}
