import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/** Bills with customer, link and lifecycle; idempotency keys; the SMS queue and the development inbox. */
export class DigitalBilling1763800000000 implements MigrationInterface {
  name = 'DigitalBilling1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${schema}.bill
        ADD COLUMN customer_name text,
        ADD COLUMN customer_phone text,
        ADD COLUMN tax_amount bigint CHECK (tax_amount >= 0),
        ADD COLUMN line_items jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN message text,
        ADD COLUMN send_at timestamptz,
        ADD COLUMN payment_link_token text,
        ADD COLUMN sent_at timestamptz,
        ADD COLUMN opened_at timestamptz,
        ADD COLUMN reminded_at timestamptz,
        ADD COLUMN payment_id text,
        ADD COLUMN payment_method text,
        ADD COLUMN paid_at timestamptz,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN closed_reason text,
        ADD COLUMN failed_payment_attempts integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT bill_payment_link_token UNIQUE (payment_link_token)`);
    await queryRunner.query(`CREATE INDEX bill_merchant_id_id ON ${schema}.bill (merchant_id, id)`);
    // The expiry and reminder jobs look only at open bills, by due date.
    await queryRunner.query(
      `CREATE INDEX bill_open_due_date ON ${schema}.bill (due_date) WHERE status IN ('created', 'scheduled', 'sent', 'opened')`,
    );
    await queryRunner.query(`
      CREATE TABLE ${schema}.idempotency_key (
        merchant_id text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        response_status integer NOT NULL,
        response_body jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, key)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${schema}.payment_attempt (
        payment_id text NOT NULL,
        outcome text NOT NULL,
        bill_id uuid NOT NULL REFERENCES ${schema}.bill (id),
        payment_method text NOT NULL,
        reason_code text,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (payment_id, outcome)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${schema}.sms_message (
        id uuid PRIMARY KEY,
        merchant_id text NOT NULL,
        bill_id uuid NOT NULL REFERENCES ${schema}.bill (id),
        kind text NOT NULL,
        to_phone text NOT NULL,
        body text NOT NULL,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        provider text,
        provider_message_id text,
        delivery_status text,
        last_error text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX sms_message_due ON ${schema}.sms_message (next_attempt_at) WHERE status = 'queued'`);
    await queryRunner.query(`CREATE INDEX sms_message_bill ON ${schema}.sms_message (bill_id)`);
    await queryRunner.query(`CREATE INDEX sms_message_provider_id ON ${schema}.sms_message (provider_message_id) WHERE provider_message_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE ${schema}.merchant_sms_settings (
        merchant_id text PRIMARY KEY,
        window_start_hour integer NOT NULL CHECK (window_start_hour BETWEEN 0 AND 23),
        window_end_hour integer NOT NULL CHECK (window_end_hour BETWEEN 1 AND 24),
        CHECK (window_start_hour < window_end_hour)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${schema}.dev_sms_inbox (
        id uuid PRIMARY KEY,
        to_phone text NOT NULL,
        body text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    for (const table of ['dev_sms_inbox', 'merchant_sms_settings', 'sms_message', 'payment_attempt', 'idempotency_key']) {
      await queryRunner.query(`DROP TABLE ${schema}.${table}`);
    }
    await queryRunner.query(`DROP INDEX ${schema}.bill_open_due_date`);
    await queryRunner.query(`DROP INDEX ${schema}.bill_merchant_id_id`);
    await queryRunner.query(`
      ALTER TABLE ${schema}.bill
        DROP CONSTRAINT bill_payment_link_token,
        DROP COLUMN customer_name, DROP COLUMN customer_phone, DROP COLUMN tax_amount, DROP COLUMN line_items,
        DROP COLUMN message, DROP COLUMN send_at, DROP COLUMN payment_link_token, DROP COLUMN sent_at,
        DROP COLUMN opened_at, DROP COLUMN reminded_at, DROP COLUMN payment_id, DROP COLUMN payment_method,
        DROP COLUMN paid_at, DROP COLUMN closed_at, DROP COLUMN closed_reason, DROP COLUMN failed_payment_attempts`);
  }
}
