import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/** Merchant webhook endpoints, the delivery queue and its log of attempts. */
export class MerchantWebhooks1763800000001 implements MigrationInterface {
  name = 'MerchantWebhooks1763800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${schema}.webhook_endpoint (
        merchant_id text PRIMARY KEY,
        url text NOT NULL,
        secret text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${schema}.webhook_delivery (
        id uuid PRIMARY KEY,
        merchant_id text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        bill_id uuid,
        body text NOT NULL,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        give_up_at timestamptz NOT NULL,
        replay_of uuid REFERENCES ${schema}.webhook_delivery (id),
        created_at timestamptz NOT NULL,
        delivered_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_due ON ${schema}.webhook_delivery (next_attempt_at) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_merchant ON ${schema}.webhook_delivery (merchant_id, id)`);
    await queryRunner.query(`
      CREATE TABLE ${schema}.webhook_attempt (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES ${schema}.webhook_delivery (id),
        attempted_at timestamptz NOT NULL,
        url text NOT NULL,
        status_code integer,
        error text,
        duration_ms integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX webhook_attempt_delivery ON ${schema}.webhook_attempt (delivery_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${schema}.webhook_attempt`);
    await queryRunner.query(`DROP TABLE ${schema}.webhook_delivery`);
    await queryRunner.query(`DROP TABLE ${schema}.webhook_endpoint`);
  }
}
