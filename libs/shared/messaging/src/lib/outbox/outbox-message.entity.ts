import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An event waiting to be published, written in the same transaction as the state change it describes. */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_pending', ['bucket', 'id'], { where: 'published_at IS NULL' })
export class OutboxMessageEntity {
  /** Insertion order: the relay publishes a bucket's events in this order. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'event_id', type: 'uuid', unique: true })
  eventId: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey: string;

  /** Events of one merchant share a bucket; one relay at a time publishes a bucket, which keeps them in order. */
  @Column({ type: 'smallint' })
  bucket: number;

  @Column({ type: 'jsonb' })
  envelope: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
