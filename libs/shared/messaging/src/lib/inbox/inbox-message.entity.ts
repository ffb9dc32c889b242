import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event a consumer has applied. Written in the handler's transaction, so each event takes effect once. */
@Entity({ name: 'inbox_message' })
export class InboxMessageEntity {
  @PrimaryColumn({ type: 'text' })
  consumer: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'processed_at', type: 'timestamptz' })
  processedAt: Date;
}
