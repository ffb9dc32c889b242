import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/**
 * Merchant intake: a member's card, where a charge came from (file line, API call, immediate file), the
 * charge files with their per-line errors. One merged file per (shop, cycle, mode, content): the same file
 * twice creates nothing twice.
 */
export class AddRecurringIntake1765300000000 implements MigrationInterface {
  name = 'AddRecurringIntake1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.member ADD COLUMN card_ref text, ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`
      ALTER TABLE ${s}.charge
        ADD COLUMN member_id uuid,
        ADD COLUMN file_id uuid,
        ADD COLUMN file_line integer,
        -- immediate-file and API charges are always authorized: floor-limit operation never applies to them
        ADD COLUMN immediate boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE TABLE ${s}.charge_file (
        id uuid PRIMARY KEY,
        shop_id text NOT NULL REFERENCES ${s}.shop (id),
        cycle char(7) NOT NULL,
        mode text NOT NULL CHECK (mode IN ('cycle', 'immediate')),
        channel text NOT NULL CHECK (channel IN ('api', 'sftp')),
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('receiving', 'merged', 'duplicate', 'refused', 'failed')),
        encoding text,
        sha256 text,
        lines_read integer NOT NULL DEFAULT 0,
        accepted integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        duplicate_of uuid,
        error_code text,
        error text,
        received_at timestamptz NOT NULL,
        finished_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX charge_file_shop ON ${s}.charge_file (shop_id, received_at DESC)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX charge_file_merged_content ON ${s}.charge_file (shop_id, cycle, mode, sha256) WHERE status = 'merged'`,
    );
    await queryRunner.query(`
      CREATE TABLE ${s}.charge_file_error (
        file_id uuid NOT NULL REFERENCES ${s}.charge_file (id),
        line integer NOT NULL,
        "column" text NOT NULL,
        reason text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX charge_file_error_line ON ${s}.charge_file_error (file_id, line)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.charge_file_error`);
    await queryRunner.query(`DROP TABLE ${s}.charge_file`);
    await queryRunner.query(`ALTER TABLE ${s}.charge DROP COLUMN member_id, DROP COLUMN file_id, DROP COLUMN file_line, DROP COLUMN immediate`);
    await queryRunner.query(`ALTER TABLE ${s}.member DROP COLUMN card_ref, DROP COLUMN updated_at`);
  }
}
