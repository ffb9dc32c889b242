import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';
import { createMessagingTables, dropMessagingTables } from '@kessai/shared-messaging';

export class CreateBillingSchema1763780000000 implements MigrationInterface {
  name = 'CreateBillingSchema1763780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await createMessagingTables(queryRunner, schema);
    await queryRunner.query(`
      CREATE TABLE ${schema}.bill (
        id uuid PRIMARY KEY,
        merchant_id text NOT NULL,
        merchant_bill_number text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        due_date date NOT NULL,
        allowed_payment_methods text[] NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT bill_merchant_bill_number UNIQUE (merchant_id, merchant_bill_number)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${schema}.bill`);
    await dropMessagingTables(queryRunner, schema);
  }
}
