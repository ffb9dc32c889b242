import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A processor notification already applied: a redelivery with the same id is acknowledged and skipped. */
@Entity({ name: 'processor_webhook' })
export class ProcessorWebhookEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
