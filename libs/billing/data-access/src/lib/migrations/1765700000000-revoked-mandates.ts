import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/**
 * Mandates the recurring engine ended (recurring.mandate.revoked.v1). Kept, not only deleted from
 * customer_mandate: the created and revoked events travel on different topics, so a revocation can arrive first,
 * and the mandate must not come back when its creation arrives after it.
 */
export class RevokedMandates1765700000000 implements MigrationInterface {
  name = 'RevokedMandates1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${schemaOf(queryRunner)}.revoked_mandate (
        mandate_id text PRIMARY KEY,
        merchant_id text NOT NULL,
        reason text NOT NULL,
        revoked_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${schemaOf(queryRunner)}.revoked_mandate`);
  }
}
