import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';
import { Bill } from '@kessai/billing-domain';
import { OutboxMessageEntity } from '@kessai/shared-messaging';
import { BillEntity } from './bill.entity';
import { BillImportEntity } from './bill-import.entity';
import { SmsMessageEntity, SmsMessageKind } from './sms-message.entity';

/** A bill of an import with its created event (and, for a customer with a mandate, its charge request) and SMS. */
export interface StagedImportBill {
  bill: Bill;
  eventId: string;
  envelope: string;
  /** A second event of the bill (its automatic charge request), on its own topic. */
  extraEvent?: { eventId: string; topic: string; envelope: string };
  sms?: { id: string; kind: SmsMessageKind; body: string; notBefore: Date };
}

export interface BillImportProblem {
  line: number;
  column: string;
  reason: string;
}

/** Bulk writes of a CSV import: COPY into a staging table, then set-based inserts. */
@Injectable()
export class BillImportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async start(entity: BillImportEntity): Promise<void> {
    await this.dataSource.getRepository(BillImportEntity).insert(entity);
  }

  async findOfMerchant(merchantId: string, importId: string): Promise<BillImportEntity | null> {
    return this.dataSource.getRepository(BillImportEntity).findOneBy({ id: importId, merchantId });
  }

  async finish(importId: string, change: Partial<BillImportEntity>): Promise<void> {
    await this.dataSource.getRepository(BillImportEntity).update({ id: importId }, change);
  }

  /**
   * Writes one batch of imported bills in the caller's transaction with one COPY and one statement: the rows
   * are copied into a session-local staging table (emptied at commit), then the bills whose number is new for
   * the merchant are inserted (`ON CONFLICT DO NOTHING`: the same file twice creates nothing twice) and only
   * those bills' outbox events and SMS rows follow, set-based. Returns the ids of the bills inserted.
   */
  async writeBatch(transaction: EntityManager, rows: StagedImportBill[], event: { topic: string; messageKey: string; bucket: number }, now: Date): Promise<string[]> {
    if (rows.length === 0) return [];
    const bill = transaction.connection.getMetadata(BillEntity).tablePath;
    const sms = transaction.connection.getMetadata(SmsMessageEntity).tablePath;
    const outbox = transaction.connection.getMetadata(OutboxMessageEntity).tablePath;
    await transaction.query(`CREATE TEMP TABLE IF NOT EXISTS bill_import_stage (
        seq integer, id uuid, merchant_id text, number text, amount bigint, currency char(3), due_date date, methods text,
        status text, customer_name text, customer_phone text, tax_amount bigint, line_items text, message text, send_at timestamptz,
        token text, auto_charge_mandate_id text, event_id uuid, envelope text, extra_event_id uuid, extra_topic text, extra_envelope text,
        sms_id uuid, sms_kind text, sms_body text, sms_not_before timestamptz
      ) ON COMMIT DELETE ROWS`);
    const client = (transaction.queryRunner as unknown as { databaseConnection: PoolClient }).databaseConnection;
    await pipeline(
      Readable.from(copyLines(rows), { objectMode: false }),
      client.query(copyFrom('COPY pg_temp.bill_import_stage FROM STDIN')),
    );
    const inserted: { id: string }[] = await transaction.query(
      `WITH inserted AS (
         INSERT INTO ${bill} (id, merchant_id, merchant_bill_number, amount, currency, due_date, allowed_payment_methods, status, created_at,
                              customer_name, customer_phone, tax_amount, line_items, message, send_at, payment_link_token, auto_charge_mandate_id, auto_charge_status)
         SELECT s.id, s.merchant_id, s.number, s.amount, s.currency, s.due_date, string_to_array(s.methods, '|'), s.status, $1,
                s.customer_name, s.customer_phone, s.tax_amount, coalesce(s.line_items::jsonb, '[]'), s.message, s.send_at, s.token, s.auto_charge_mandate_id, CASE WHEN s.auto_charge_mandate_id IS NULL THEN NULL ELSE 'requested' END
         FROM pg_temp.bill_import_stage s ORDER BY s.seq
         ON CONFLICT ON CONSTRAINT bill_merchant_bill_number DO NOTHING
         RETURNING id
       ), fresh AS (
         SELECT s.* FROM pg_temp.bill_import_stage s JOIN inserted USING (id)
       ), events AS (
         INSERT INTO ${outbox} (event_id, topic, message_key, bucket, envelope, created_at)
         SELECT e.event_id, e.topic, $3, $4, e.envelope::jsonb, $1 FROM (
           SELECT seq, 0 AS k, event_id, $2 AS topic, envelope FROM fresh
           UNION ALL
           SELECT seq, 1, extra_event_id, extra_topic, extra_envelope FROM fresh WHERE extra_event_id IS NOT NULL
         ) e ORDER BY e.seq, e.k
       ), messages AS (
         INSERT INTO ${sms} (id, merchant_id, bill_id, kind, to_phone, body, status, attempts, next_attempt_at, created_at)
         SELECT sms_id, merchant_id, id, sms_kind, customer_phone, sms_body, 'queued', 0, sms_not_before, $1 FROM fresh WHERE sms_id IS NOT NULL
       )
       SELECT id FROM inserted`,
      [now, event.topic, event.messageKey, event.bucket],
    );
    return inserted.map((row) => row.id);
  }

  async recordBatch(
    transaction: EntityManager,
    importId: string,
    problems: BillImportProblem[],
    counts: { rowsRead: number; accepted: number; duplicates: number; rejected: number },
  ): Promise<void> {
    if (problems.length > 0) {
      const table = transaction.connection.getMetadata(BillImportEntity).tablePath.replace(/bill_import$/, 'bill_import_error');
      await transaction.query(
        `INSERT INTO ${table} (import_id, line, "column", reason) SELECT $1, p.line, p.col, p.reason FROM unnest($2::int[], $3::text[], $4::text[]) AS p(line, col, reason)`,
        [importId, problems.map((p) => p.line), problems.map((p) => p.column), problems.map((p) => p.reason)],
      );
    }
    await transaction.query(
      `UPDATE ${transaction.connection.getMetadata(BillImportEntity).tablePath}
       SET rows_read = rows_read + $2, accepted = accepted + $3, duplicates = duplicates + $4, rejected = rejected + $5 WHERE id = $1`,
      [importId, counts.rowsRead, counts.accepted, counts.duplicates, counts.rejected],
    );
  }
}

// COPY text format: tab-separated, \N for null, backslash escapes for backslash, tab, newline and carriage return.
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A field the merchant typed (or JSON, which may hold backslashes): escaped when needed. */
function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
}

/** JSON text never holds a raw tab or newline, only backslashes (escapes). */
function json(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return value.includes('\\') ? value.replaceAll('\\', '\\\\') : value;
}

/** Values we made ourselves (ids, numbers, codes, dates): nothing to escape. */
function plain(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '\\N' : String(value);
}

function* copyLines(rows: StagedImportBill[]): Generator<string> {
  let chunk = '';
  for (let seq = 0; seq < rows.length; seq += 1) {
    const { bill, eventId, envelope, extraEvent, sms } = rows[seq];
    const amount = bill.amount;
    chunk +=
      `${seq}\t${bill.id}\t${text(bill.merchantId)}\t${text(bill.merchantBillNumber)}\t${amount.minorUnits}\t${amount.currencyCode}\t${bill.dueDate}\t` +
      `${bill.allowedPaymentMethods.join('|')}\t${bill.status}\t${text(bill.customerName)}\t${plain(bill.customerPhone)}\t${plain(bill.taxAmount)}\t` +
      `${bill.lineItems.length > 0 ? json(JSON.stringify(bill.lineItems)) : '\\N'}\t${text(bill.message)}\t${plain(bill.sendAt?.toISOString())}\t` +
      `${bill.paymentLinkToken}\t${text(bill.autoCharge?.mandateId)}\t${eventId}\t${json(envelope)}\t${plain(extraEvent?.eventId)}\t` +
      `${plain(extraEvent?.topic)}\t${json(extraEvent?.envelope)}\t${plain(sms?.id)}\t${plain(sms?.kind)}\t${text(sms?.body)}\t${plain(sms?.notBefore.toISOString())}\n`;
    if (seq % 500 === 499) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
