import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/**
 * Sales confirmation (capture), dunning and card refresh. A file to the processor is recorded with its lines
 * and committed BEFORE it is sent: a restarted job finds it and sends the same file again under the same
 * idempotency key (the file id) instead of a new file, and a charge is in at most one capture file ever
 * (`capture_line.charge_id` unique), so no charge is captured twice.
 */
export class CreateSettlementTables1765600000000 implements MigrationInterface {
  name = 'CreateSettlementTables1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.charge ADD COLUMN sale_id text, ADD COLUMN captured_at timestamptz`);
    await queryRunner.query(`ALTER TABLE ${s}.charge ADD CONSTRAINT charge_sale_unique UNIQUE (sale_id)`);
    await queryRunner.query(`
      CREATE TABLE ${s}.processor_file_exchange (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('sales_confirmation', 'card_refresh')),
        shop_id text NOT NULL,
        cycle char(7) NOT NULL,
        status text NOT NULL CHECK (status IN ('prepared', 'applied')),
        lines integer NOT NULL,
        processor_file_id uuid,
        created_at timestamptz NOT NULL,
        applied_at timestamptz
      )`);
    // one file in flight per shop, cycle and kind: a restart resends it before preparing the next
    await queryRunner.query(
      `CREATE UNIQUE INDEX processor_file_exchange_open ON ${s}.processor_file_exchange (kind, shop_id, cycle) WHERE status = 'prepared'`,
    );
    await queryRunner.query(`
      CREATE TABLE ${s}.capture_line (
        file_id uuid NOT NULL REFERENCES ${s}.processor_file_exchange (id),
        line integer NOT NULL,
        charge_id bigint NOT NULL REFERENCES ${s}.charge (id),
        authorization_id text,
        card_ref text NOT NULL,
        amount bigint NOT NULL,
        currency char(3) NOT NULL,
        sale_date date NOT NULL,
        reference text NOT NULL,
        PRIMARY KEY (file_id, line),
        CONSTRAINT capture_line_charge_once UNIQUE (charge_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.card_refresh_line (
        file_id uuid NOT NULL REFERENCES ${s}.processor_file_exchange (id),
        line integer NOT NULL,
        shop_id text NOT NULL,
        cycle char(7) NOT NULL,
        card_ref text NOT NULL,
        result text,
        new_card_ref text,
        new_exp_month smallint,
        new_exp_year smallint,
        message text,
        PRIMARY KEY (file_id, line),
        CONSTRAINT card_refresh_line_once UNIQUE (shop_id, cycle, card_ref)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.charge_retry (
        charge_id bigint PRIMARY KEY REFERENCES ${s}.charge (id),
        shop_id text NOT NULL,
        cycle char(7) NOT NULL,
        status text NOT NULL CHECK (status IN ('scheduled', 'succeeded', 'stopped')),
        first_declined_at timestamptz NOT NULL,
        attempts_made smallint NOT NULL DEFAULT 0,
        next_retry_at timestamptz,
        stop_reason text,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX charge_retry_shop ON ${s}.charge_retry (shop_id, cycle, status)`);
    await queryRunner.query(`CREATE INDEX recurring_definition_card ON ${s}.recurring_definition (shop_id, card_ref)`);
    await queryRunner.query(`CREATE INDEX mandate_card ON ${s}.mandate (shop_id, card_ref)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX ${s}.mandate_card`);
    await queryRunner.query(`DROP INDEX ${s}.recurring_definition_card`);
    for (const table of ['charge_retry', 'card_refresh_line', 'capture_line', 'processor_file_exchange']) await queryRunner.query(`DROP TABLE ${s}.${table}`);
    await queryRunner.query(`ALTER TABLE ${s}.charge DROP CONSTRAINT charge_sale_unique, DROP COLUMN captured_at, DROP COLUMN sale_id`);
  }
}
