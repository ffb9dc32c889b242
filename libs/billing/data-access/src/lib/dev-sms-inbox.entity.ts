import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Messages "sent" by the development SMS provider, shown at GET /dev/sms-inbox. */
@Entity({ name: 'dev_sms_inbox' })
export class DevSmsInboxEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'to_phone', type: 'text' })
  toPhone: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
