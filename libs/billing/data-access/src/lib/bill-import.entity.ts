import { Column, Entity, PrimaryColumn } from 'typeorm';

export type BillImportStatus = 'running' | 'completed' | 'failed';

/** One CSV upload: counts move while it runs (each batch commits them with its bills). */
@Entity({ name: 'bill_import' })
export class BillImportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  @Column({ type: 'text' })
  status: BillImportStatus;

  @Column({ type: 'text', nullable: true })
  encoding: string | null;

  @Column({ name: 'file_sha256', type: 'text', nullable: true })
  fileSha256: string | null;

  @Column({ name: 'rows_read', type: 'integer' })
  rowsRead: number;

  @Column({ type: 'integer' })
  accepted: number;

  /** Lines whose bill number the merchant already has (the same file again): skipped, not errors. */
  @Column({ type: 'integer' })
  duplicates: number;

  @Column({ type: 'integer' })
  rejected: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
