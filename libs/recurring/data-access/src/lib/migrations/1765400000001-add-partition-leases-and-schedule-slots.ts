import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/**
 * A running partition is leased by one run (a token renewed while it works, fenced on every chunk commit), so a
 * shop redelivered to another instance waits instead of running twice. Each slot of the built-in schedule
 * launches its job once, whichever instance gets there first: one row per (schedule entry, slot).
 */
export class AddPartitionLeasesAndScheduleSlots1765400000001 implements MigrationInterface {
  name = 'AddPartitionLeasesAndScheduleSlots1765400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${s}.job_partition
        ADD COLUMN lease_token uuid,
        ADD COLUMN lease_expires_at timestamptz,
        ADD COLUMN attempts integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      CREATE TABLE ${s}.job_schedule_slot (
        entry text NOT NULL,
        slot timestamptz NOT NULL,
        job_name text NOT NULL,
        -- deferred: the slot row is taken first (the instance that gets it launches), the execution follows
        execution_id uuid NOT NULL REFERENCES ${s}.job_execution (id) DEFERRABLE INITIALLY DEFERRED,
        fired_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (entry, slot)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.job_schedule_slot`);
    await queryRunner.query(`ALTER TABLE ${s}.job_partition DROP COLUMN lease_token, DROP COLUMN lease_expires_at, DROP COLUMN attempts`);
  }
}
