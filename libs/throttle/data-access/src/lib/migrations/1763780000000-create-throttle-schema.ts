import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';
import { createMessagingTables, dropMessagingTables } from '@kessai/shared-messaging';

/** The throttle schema starts with its outbox and inbox; its own tables come with its features. */
export class CreateThrottleSchema1763780000000 implements MigrationInterface {
  name = 'CreateThrottleSchema1763780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTables(queryRunner, schemaOf(queryRunner));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, schemaOf(queryRunner));
  }
}
