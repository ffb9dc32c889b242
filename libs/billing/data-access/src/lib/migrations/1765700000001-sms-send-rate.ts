import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/**
 * The SMS provider's rate limit, shared by every billing-requests instance: the time of the next free sending
 * slot per provider account (GCRA), taken one slot per message.
 */
export class SmsSendRate1765700000001 implements MigrationInterface {
  name = 'SmsSendRate1765700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE ${schemaOf(queryRunner)}.sms_send_rate (provider text PRIMARY KEY, next_slot_at timestamptz NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${schemaOf(queryRunner)}.sms_send_rate`);
  }
}
