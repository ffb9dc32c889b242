import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/** Merchants' API keys (hashed) and their flow-control limits. */
export class CreateApiKeysAndMerchantLimits1764000000000 implements MigrationInterface {
  name = 'CreateApiKeysAndMerchantLimits1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${schema}.api_key (
        id uuid PRIMARY KEY,
        merchant_id text NOT NULL,
        mode text NOT NULL CHECK (mode IN ('test', 'live')),
        key_hash char(64) NOT NULL,
        display_prefix text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz,
        revoked_at timestamptz,
        replaced_by uuid,
        CONSTRAINT api_key_hash UNIQUE (key_hash)
      )`);
    await queryRunner.query(`CREATE INDEX api_key_merchant ON ${schema}.api_key (merchant_id)`);
    await queryRunner.query(`
      CREATE TABLE ${schema}.merchant_limits (
        merchant_id text PRIMARY KEY,
        limits jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${schema}.merchant_limits`);
    await queryRunner.query(`DROP TABLE ${schema}.api_key`);
  }
}
