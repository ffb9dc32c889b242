import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/** Console users per merchant and their sessions (server-side; the cookie carries only a random token). */
export class CreateConsoleSchema1764600000000 implements MigrationInterface {
  name = 'CreateConsoleSchema1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${schema}.console_user (
        id uuid PRIMARY KEY,
        merchant_id text NOT NULL,
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'operator', 'read-only')),
        totp_secret text,
        totp_enabled_at timestamptz,
        totp_last_step bigint,
        failed_attempts int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL,
        last_sign_in_at timestamptz,
        CONSTRAINT console_user_email UNIQUE (merchant_id, email)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${schema}.console_session (
        token_hash char(64) PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES ${schema}.console_user (id) ON DELETE CASCADE,
        merchant_id text NOT NULL,
        second_factor_pending boolean NOT NULL,
        csrf_secret text NOT NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX console_session_user ON ${schema}.console_session (user_id)`);
    await queryRunner.query(`CREATE INDEX console_session_expires ON ${schema}.console_session (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${schema}.console_session`);
    await queryRunner.query(`DROP TABLE ${schema}.console_user`);
  }
}
