import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/** When a file's authorization results were written to the shop's SFTP outbox (once, when none is pending). */
export class AddChargeFileResults1765400000000 implements MigrationInterface {
  name = 'AddChargeFileResults1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.charge_file ADD COLUMN results_published_at timestamptz`);
    await queryRunner.query(`CREATE INDEX charge_file_results_unpublished ON ${s}.charge_file (shop_id) WHERE status = 'merged' AND results_published_at IS NULL`);
    await queryRunner.query(`CREATE INDEX charge_file_line ON ${s}.charge (file_id, file_line) WHERE file_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX ${s}.charge_file_line`);
    await queryRunner.query(`DROP INDEX ${s}.charge_file_results_unpublished`);
    await queryRunner.query(`ALTER TABLE ${s}.charge_file DROP COLUMN results_published_at`);
  }
}
