import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

export class CreateScreeningTables1763790000000 implements MigrationInterface {
  name = 'CreateScreeningTables1763790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.rule_set_version (
        version integer PRIMARY KEY,
        rules jsonb NOT NULL,
        note text NOT NULL DEFAULT '',
        published_at timestamptz NOT NULL,
        published_by text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.rule_set_deployment (
        role text PRIMARY KEY CHECK (role IN ('active', 'shadow')),
        version integer NOT NULL REFERENCES ${s}.rule_set_version (version),
        changed_at timestamptz NOT NULL,
        changed_by text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.rule_set_deployment_history (
        id bigserial PRIMARY KEY,
        role text NOT NULL,
        version integer,
        changed_at timestamptz NOT NULL,
        changed_by text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.list_entry (
        scope text NOT NULL,
        list text NOT NULL CHECK (list IN ('allow', 'block')),
        identity text NOT NULL CHECK (identity IN ('card', 'phone', 'email', 'ip', 'device')),
        value text NOT NULL,
        reason text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL,
        PRIMARY KEY (scope, list, identity, value)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.list_change (
        id bigserial PRIMARY KEY,
        scope text NOT NULL,
        list text NOT NULL,
        identity text NOT NULL,
        value text NOT NULL,
        change text NOT NULL CHECK (change IN ('add', 'remove')),
        changed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.decision (
        id uuid PRIMARY KEY,
        merchant_id text NOT NULL,
        payment_ref text NOT NULL,
        decision text NOT NULL,
        score double precision NOT NULL,
        model_version text NOT NULL,
        rule_set_version integer NOT NULL,
        decided_by text,
        fired jsonb NOT NULL,
        features jsonb NOT NULL,
        shadow_rule_set_version integer,
        shadow_decision text,
        shadow_fired jsonb,
        decided_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX decision_decided_at ON ${s}.decision (decided_at)`);
    await queryRunner.query(`CREATE INDEX decision_merchant_payment ON ${s}.decision (merchant_id, payment_ref)`);
    await queryRunner.query(`
      CREATE TABLE ${s}.payment_outcome (
        merchant_id text NOT NULL,
        payment_ref text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('paid', 'chargeback', 'unpaid')),
        reported_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, payment_ref)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of ['payment_outcome', 'decision', 'list_change', 'list_entry', 'rule_set_deployment_history', 'rule_set_deployment', 'rule_set_version']) {
      await queryRunner.query(`DROP TABLE ${s}.${table}`);
    }
  }
}
