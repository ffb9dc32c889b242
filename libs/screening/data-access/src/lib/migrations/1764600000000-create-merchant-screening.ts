import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

export class CreateMerchantScreening1764600000000 implements MigrationInterface {
  name = 'CreateMerchantScreening1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.merchant_screening (
        merchant_id text PRIMARY KEY,
        enabled boolean NOT NULL,
        on_review text NOT NULL CHECK (on_review IN ('decline', 'allow')),
        version integer NOT NULL,
        changed_at timestamptz NOT NULL,
        changed_by text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${schemaOf(queryRunner)}.merchant_screening`);
  }
}
