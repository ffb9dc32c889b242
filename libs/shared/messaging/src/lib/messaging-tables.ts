import type { QueryRunner } from 'typeorm';
import { InboxMessageEntity } from './inbox/inbox-message.entity';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';

/** The entities every service's data source lists so that it can publish and consume events. */
export const MESSAGING_ENTITIES = [OutboxMessageEntity, InboxMessageEntity];

/** For a service's first migration: its outbox and inbox tables, in its own schema. */
export async function createMessagingTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE ${schema}.outbox_message (
      id bigserial PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      topic text NOT NULL,
      message_key text NOT NULL,
      bucket smallint NOT NULL,
      envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      published_at timestamptz
    )`);
  await queryRunner.query(
    `CREATE INDEX outbox_message_pending ON ${schema}.outbox_message (bucket, id) WHERE published_at IS NULL`,
  );
  await queryRunner.query(
    `CREATE INDEX outbox_message_published ON ${schema}.outbox_message (published_at) WHERE published_at IS NOT NULL`,
  );
  await queryRunner.query(`
    CREATE TABLE ${schema}.inbox_message (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      processed_at timestamptz NOT NULL,
      PRIMARY KEY (consumer, event_id)
    )`);
}

export async function dropMessagingTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE ${schema}.inbox_message`);
  await queryRunner.query(`DROP TABLE ${schema}.outbox_message`);
}
