import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/** Which shops have their charges screened before authorization (projected from credit screening's events). */
export class AddMerchantScreening1765500000001 implements MigrationInterface {
  name = 'AddMerchantScreening1765500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${schemaOf(queryRunner)}.merchant_screening (
        merchant_id text PRIMARY KEY,
        enabled boolean NOT NULL,
        on_review text NOT NULL,
        version integer NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${schemaOf(queryRunner)}.merchant_screening`);
  }
}
