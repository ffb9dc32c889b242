import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/** Payment links with what the page shows, payment attempts, merchant branding and processor webhooks seen. */
export class PaymentLinksAttemptsBranding1763790000000 implements MigrationInterface {
  name = 'PaymentLinksAttemptsBranding1763790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${schema}.payment_page
        ADD COLUMN merchant_bill_number text,
        ADD COLUMN link_token text,
        ADD COLUMN link_expires_at timestamptz,
        ADD COLUMN customer_name text,
        ADD COLUMN customer_phone text,
        ADD COLUMN tax_amount bigint,
        ADD COLUMN line_items jsonb,
        ADD COLUMN message text,
        ADD COLUMN opened_at timestamptz,
        ADD COLUMN closed_at timestamptz`);
    await queryRunner.query(`CREATE UNIQUE INDEX payment_page_link_token ON ${schema}.payment_page (link_token) WHERE link_token IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE ${schema}.payment_attempt (
        id uuid PRIMARY KEY,
        bill_id uuid NOT NULL REFERENCES ${schema}.payment_page (bill_id),
        merchant_id text NOT NULL,
        attempt_key text NOT NULL,
        method text NOT NULL,
        status text NOT NULL,
        amount bigint NOT NULL,
        currency char(3) NOT NULL,
        card_ref text,
        card_brand text,
        card_last4 char(4),
        save_card boolean NOT NULL DEFAULT false,
        processor_ref text,
        reason_code text,
        redirect_url text,
        konbini_slip jsonb,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT payment_attempt_key UNIQUE (bill_id, attempt_key)
      )`);
    // One successful payment per bill, whatever the customer clicks.
    await queryRunner.query(
      `CREATE UNIQUE INDEX payment_attempt_one_success ON ${schema}.payment_attempt (bill_id) WHERE status IN ('authorized', 'captured')`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX payment_attempt_processor_ref ON ${schema}.payment_attempt (method, processor_ref) WHERE processor_ref IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE ${schema}.merchant_branding (
        merchant_id text PRIMARY KEY,
        display_name text,
        logo_url text,
        primary_color text,
        accent_color text,
        message text,
        page_template text,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${schema}.processor_webhook (
        id text PRIMARY KEY,
        type text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${schema}.processor_webhook`);
    await queryRunner.query(`DROP TABLE ${schema}.merchant_branding`);
    await queryRunner.query(`DROP TABLE ${schema}.payment_attempt`);
    await queryRunner.query(`DROP INDEX ${schema}.payment_page_link_token`);
    await queryRunner.query(`
      ALTER TABLE ${schema}.payment_page
        DROP COLUMN merchant_bill_number, DROP COLUMN link_token, DROP COLUMN link_expires_at, DROP COLUMN customer_name,
        DROP COLUMN customer_phone, DROP COLUMN tax_amount, DROP COLUMN line_items, DROP COLUMN message,
        DROP COLUMN opened_at, DROP COLUMN closed_at`);
  }
}
