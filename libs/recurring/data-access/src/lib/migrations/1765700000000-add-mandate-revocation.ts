import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/** A mandate can end: revoked by the merchant (the customer asked) or because the card refresh found its card closed. */
export class AddMandateRevocation1765700000000 implements MigrationInterface {
  name = 'AddMandateRevocation1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${schemaOf(queryRunner)}.mandate ADD COLUMN revoked_at timestamptz, ADD COLUMN revocation_reason text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${schemaOf(queryRunner)}.mandate DROP COLUMN revoked_at, DROP COLUMN revocation_reason`);
  }
}
