import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/**
 * Shops, members, definitions, mandates, charges and jobs. The unique constraints are the safety net of the
 * monthly run: one charge per (definition, cycle) and per key, one authorization id per charge, one capture per
 * charge, one partition per (execution, shop).
 */
export class CreateRecurringTables1763900000000 implements MigrationInterface {
  name = 'CreateRecurringTables1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.shop (
        id text PRIMARY KEY,
        cycle_deadline_day smallint NOT NULL CHECK (cycle_deadline_day IN (5, 10)),
        floor_limit_eligible boolean NOT NULL DEFAULT false,
        immediate_quota integer NOT NULL DEFAULT 0 CHECK (immediate_quota >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.member (
        id uuid PRIMARY KEY,
        shop_id text NOT NULL REFERENCES ${s}.shop (id),
        external_member_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT member_shop_external UNIQUE (shop_id, external_member_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.recurring_definition (
        id text PRIMARY KEY,
        shop_id text NOT NULL REFERENCES ${s}.shop (id),
        member_id uuid NOT NULL REFERENCES ${s}.member (id),
        card_ref text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        day_of_cycle smallint NOT NULL CHECK (day_of_cycle BETWEEN 1 AND 31),
        start_cycle char(7) NOT NULL,
        end_cycle char(7),
        stopped_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX recurring_definition_shop ON ${s}.recurring_definition (shop_id, id)`);
    await queryRunner.query(`
      CREATE TABLE ${s}.mandate (
        mandate_request_id text PRIMARY KEY,
        shop_id text NOT NULL,
        customer_phone text NOT NULL,
        card_ref text NOT NULL,
        bill_id text NOT NULL,
        amount bigint,
        currency char(3) NOT NULL,
        consented_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX mandate_shop_phone ON ${s}.mandate (shop_id, customer_phone)`);
    await queryRunner.query(`
      CREATE TABLE ${s}.charge (
        id bigserial PRIMARY KEY,
        charge_key text NOT NULL,
        shop_id text NOT NULL,
        cycle char(7) NOT NULL,
        definition_id text,
        card_ref text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        charge_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'authorized', 'declined', 'captured', 'settlement_declined')),
        authorization_id text,
        floor_limit boolean NOT NULL DEFAULT false,
        decline_code text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT charge_key_unique UNIQUE (charge_key),
        CONSTRAINT charge_definition_cycle UNIQUE (definition_id, cycle),
        CONSTRAINT charge_authorization_unique UNIQUE (authorization_id)
      )`);
    await queryRunner.query(`CREATE INDEX charge_shop_cycle_status ON ${s}.charge (shop_id, cycle, status, id)`);
    await queryRunner.query(`
      CREATE TABLE ${s}.job_execution (
        id uuid PRIMARY KEY,
        job_name text NOT NULL,
        cycle char(7) NOT NULL,
        dry_run boolean NOT NULL,
        include_shops text[],
        exclude_shops text[],
        status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
        started_at timestamptz NOT NULL,
        finished_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX job_execution_name ON ${s}.job_execution (job_name, started_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE ${s}.job_partition (
        execution_id uuid NOT NULL REFERENCES ${s}.job_execution (id),
        shop_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        records_total bigint NOT NULL DEFAULT 0,
        records_done bigint NOT NULL DEFAULT 0,
        -- the last record of the last committed chunk: a restarted partition goes on after it
        checkpoint text,
        chunks_committed integer NOT NULL DEFAULT 0,
        error text,
        started_at timestamptz,
        finished_at timestamptz,
        PRIMARY KEY (execution_id, shop_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of ['job_partition', 'job_execution', 'charge', 'mandate', 'recurring_definition', 'member', 'shop']) {
      await queryRunner.query(`DROP TABLE ${s}.${table}`);
    }
  }
}
