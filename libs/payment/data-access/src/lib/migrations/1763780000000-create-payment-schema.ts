import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';
import { createMessagingTables, dropMessagingTables } from '@kessai/shared-messaging';

export class CreatePaymentSchema1763780000000 implements MigrationInterface {
  name = 'CreatePaymentSchema1763780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await createMessagingTables(queryRunner, schema);
    await queryRunner.query(`
      CREATE TABLE ${schema}.payment_page (
        bill_id uuid PRIMARY KEY,
        merchant_id text NOT NULL,
        amount bigint NOT NULL,
        currency char(3) NOT NULL,
        due_date date NOT NULL,
        allowed_payment_methods text[] NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${schema}.payment_page`);
    await dropMessagingTables(queryRunner, schema);
  }
}
