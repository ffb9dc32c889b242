import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/** A password an admin reset is temporary: its holder must choose a new one before doing anything else. */
export class AddPasswordChangeRequired1765700000000 implements MigrationInterface {
  name = 'AddPasswordChangeRequired1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${schemaOf(queryRunner)}.console_user ADD COLUMN password_change_required boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${schemaOf(queryRunner)}.console_user DROP COLUMN password_change_required`);
  }
}
