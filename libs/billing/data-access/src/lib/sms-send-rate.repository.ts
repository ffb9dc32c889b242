import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BillEntity } from './bill.entity';

/**
 * The provider's rate limit across all instances (GCRA on one row per provider account): each message takes the
 * next slot, `intervalMs` apart, and up to `burst` slots may be taken at once after a quiet spell. Times come
 * from PostgreSQL's clock, so instances with skewed clocks still share one schedule. Runs in its own short
 * transaction: the row is locked only for the update, never for a whole batch of sends.
 */
@Injectable()
export class SmsSendRateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the next sending slot; returns how many milliseconds to wait for it (0: send now). */
  async takeSlot(provider: string, intervalMs: number, burst: number): Promise<number> {
    const table = this.dataSource.getMetadata(BillEntity).tablePath.replace(/bill$/, 'sms_send_rate');
    const rows: { wait_ms: number }[] = await this.dataSource.query(
      `INSERT INTO ${table} AS r (provider, next_slot_at) VALUES ($1, clock_timestamp() + make_interval(secs => $2 / 1000.0))
       ON CONFLICT (provider) DO UPDATE
         SET next_slot_at = greatest(r.next_slot_at, clock_timestamp() - make_interval(secs => $3 / 1000.0)) + make_interval(secs => $2 / 1000.0)
       RETURNING greatest(0, ceil(extract(epoch FROM r.next_slot_at - make_interval(secs => $2 / 1000.0) - clock_timestamp()) * 1000))::int AS wait_ms`,
      [provider, intervalMs, (burst - 1) * intervalMs],
    );
    return rows[0].wait_ms;
  }
}
