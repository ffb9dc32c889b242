import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/**
 * The simulated network's state. No table has a column for a card number or security code: tokens and
 * cards keep only brand, last four digits, expiry and the test-card profile.
 */
export class CreateProcessorTables1764900000000 implements MigrationInterface {
  name = 'CreateProcessorTables1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.card_token (
        token text PRIMARY KEY,
        brand text NOT NULL,
        last4 char(4) NOT NULL,
        exp_month smallint NOT NULL,
        exp_year smallint NOT NULL,
        profile text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.card (
        id uuid PRIMARY KEY,
        merchant_id text NOT NULL,
        brand text NOT NULL,
        last4 char(4) NOT NULL,
        exp_month smallint NOT NULL,
        exp_year smallint NOT NULL,
        profile text NOT NULL,
        status text NOT NULL,
        replaced_by uuid,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.card_authorization (
        id uuid PRIMARY KEY,
        merchant_id text NOT NULL,
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        card_id uuid NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        status text NOT NULL,
        reason_code text NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT card_authorization_idempotency UNIQUE (merchant_id, idempotency_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.sale (
        id uuid PRIMARY KEY,
        merchant_id text NOT NULL,
        authorization_id uuid UNIQUE,
        card_id uuid NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        refunded_amount bigint NOT NULL DEFAULT 0,
        currency char(3) NOT NULL,
        sale_date date NOT NULL,
        reference text NOT NULL,
        file_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        CHECK (refunded_amount <= amount)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.refund (
        id uuid PRIMARY KEY,
        sale_id uuid NOT NULL REFERENCES ${s}.sale (id),
        merchant_id text NOT NULL,
        idempotency_key text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        created_at timestamptz NOT NULL,
        CONSTRAINT refund_idempotency UNIQUE (merchant_id, idempotency_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.processor_file (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        lines integer NOT NULL,
        accepted integer NOT NULL,
        rejected integer NOT NULL,
        result text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.konbini_payment (
        id uuid PRIMARY KEY,
        merchant_id text NOT NULL,
        idempotency_key text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        chain text NOT NULL,
        receipt_number text NOT NULL,
        confirmation_number text NOT NULL,
        deadline timestamptz NOT NULL,
        status text NOT NULL,
        paid_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT konbini_payment_idempotency UNIQUE (merchant_id, idempotency_key)
      )`);
    await queryRunner.query(`CREATE INDEX konbini_payment_awaiting ON ${s}.konbini_payment (deadline) WHERE status = 'awaiting_payment'`);
    await queryRunner.query(`
      CREATE TABLE ${s}.wallet_payment (
        id uuid PRIMARY KEY,
        merchant_id text NOT NULL,
        idempotency_key text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        return_url text NOT NULL,
        status text NOT NULL,
        decided_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT wallet_payment_idempotency UNIQUE (merchant_id, idempotency_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.pending_webhook (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        merchant_id text NOT NULL,
        body text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        delivered_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX pending_webhook_due ON ${s}.pending_webhook (next_attempt_at) WHERE delivered_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of ['pending_webhook', 'wallet_payment', 'konbini_payment', 'processor_file', 'refund', 'sale', 'card_authorization', 'card', 'card_token']) {
      await queryRunner.query(`DROP TABLE ${s}.${table}`);
    }
  }
}
