import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/** A merchant's recent decisions, newest first (the console's screening page), without scanning everyone's. */
export class IndexDecisionsPerMerchant1765700000000 implements MigrationInterface {
  name = 'IndexDecisionsPerMerchant1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX decision_merchant_decided_at ON ${schemaOf(queryRunner)}.decision (merchant_id, decided_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ${schemaOf(queryRunner)}.decision_merchant_decided_at`);
  }
}
