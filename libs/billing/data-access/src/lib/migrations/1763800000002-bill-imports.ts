import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/** CSV imports: their progress and counts, and the per-line problems (the downloadable error report). */
export class BillImports1763800000002 implements MigrationInterface {
  name = 'BillImports1763800000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${schema}.bill_import (
        id uuid PRIMARY KEY,
        merchant_id text NOT NULL,
        status text NOT NULL,
        encoding text,
        file_sha256 text,
        rows_read integer NOT NULL DEFAULT 0,
        accepted integer NOT NULL DEFAULT 0,
        duplicates integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        error text,
        started_at timestamptz NOT NULL,
        finished_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX bill_import_merchant ON ${schema}.bill_import (merchant_id, id)`);
    await queryRunner.query(`
      CREATE TABLE ${schema}.bill_import_error (
        id bigserial PRIMARY KEY,
        import_id uuid NOT NULL REFERENCES ${schema}.bill_import (id),
        line integer NOT NULL,
        "column" text NOT NULL,
        reason text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX bill_import_error_import ON ${schema}.bill_import_error (import_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${schema}.bill_import_error`);
    await queryRunner.query(`DROP TABLE ${schema}.bill_import`);
  }
}
