import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/** canceled: an authorized charge whose authorization was released before capture (its bill could no longer be paid). */
export class AllowCanceledCharges1765700000001 implements MigrationInterface {
  name = 'AllowCanceledCharges1765700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE ${schemaOf(queryRunner)}.charge DROP CONSTRAINT charge_status_check,
        ADD CONSTRAINT charge_status_check CHECK (status IN ('pending', 'authorized', 'declined', 'captured', 'settlement_declined', 'canceled'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE ${schemaOf(queryRunner)}.charge DROP CONSTRAINT charge_status_check,
        ADD CONSTRAINT charge_status_check CHECK (status IN ('pending', 'authorized', 'declined', 'captured', 'settlement_declined'))`);
  }
}
