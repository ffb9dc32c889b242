import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/**
 * Files move money, so an upload may carry an idempotency key: the same key answers the recorded summary and
 * result file instead of settling (or refreshing) a second time — a platform that crashed after sending a
 * capture file can send it again safely. Floor-limit sales have no authorization to deduplicate on, so a
 * merchant's reference is looked up before a second floor-limit sale with it is made.
 */
export class AddFileIdempotency1765200000000 implements MigrationInterface {
  name = 'AddFileIdempotency1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.processor_file ADD COLUMN idempotency_key text, ADD COLUMN summary jsonb`);
    await queryRunner.query(`CREATE UNIQUE INDEX processor_file_idempotency ON ${s}.processor_file (kind, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX sale_merchant_reference ON ${s}.sale (merchant_id, reference)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX ${s}.sale_merchant_reference`);
    await queryRunner.query(`DROP INDEX ${s}.processor_file_idempotency`);
    await queryRunner.query(`ALTER TABLE ${s}.processor_file DROP COLUMN summary, DROP COLUMN idempotency_key`);
  }
}
