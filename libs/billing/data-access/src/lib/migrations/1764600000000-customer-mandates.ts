import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/**
 * Billing's own view of the recurring engine's mandates (from recurring.mandate.created.v1): which customer of a
 * merchant pays automatically. A bill to such a customer is charged to the mandate instead of sending a link.
 */
export class CustomerMandates1764600000000 implements MigrationInterface {
  name = 'CustomerMandates1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${schema}.customer_mandate (
        merchant_id text NOT NULL,
        customer_phone text NOT NULL,
        mandate_id text NOT NULL UNIQUE,
        consented_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, customer_phone)
      )`);
    await queryRunner.query(`
      ALTER TABLE ${schema}.bill
        ADD COLUMN auto_charge_mandate_id text,
        ADD COLUMN auto_charge_status text CHECK (auto_charge_status IN ('requested', 'authorized', 'declined')),
        ADD COLUMN auto_charge_decline_code text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${schema}.bill DROP COLUMN auto_charge_mandate_id, DROP COLUMN auto_charge_status, DROP COLUMN auto_charge_decline_code`);
    await queryRunner.query(`DROP TABLE ${schema}.customer_mandate`);
  }
}
