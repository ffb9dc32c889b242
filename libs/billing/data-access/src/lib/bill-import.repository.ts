import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Bill } from '@kessai/billing-domain';
import { BillEntity } from './bill.entity';
import { BillImportEntity } from './bill-import.entity';
import { SmsMessageEntity, SmsMessageKind } from './sms-message.entity';

export interface BillImportProblem {
  line: number;
  column: string;
  reason: string;
}

/** Bulk writes of a CSV import: one INSERT … SELECT FROM unnest(…) per table and batch. */
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

  /** Inserts the bills whose number is new for the merchant; returns the ids inserted. */
  async insertNewBills(transaction: EntityManager, bills: Bill[]): Promise<Set<string>> {
    if (bills.length === 0) return new Set();
    const table = transaction.connection.getMetadata(BillEntity).tablePath;
    const s = bills.map((bill) => bill.snapshot());
    const rows: { id: string }[] = await transaction.query(
      `INSERT INTO ${table} (id, merchant_id, merchant_bill_number, amount, currency, due_date, allowed_payment_methods, status, created_at,
                             customer_name, customer_phone, tax_amount, message, send_at, payment_link_token)
       SELECT b.id, b.merchant_id, b.number, b.amount, b.currency, b.due_date, string_to_array(b.methods, '|'), b.status, $9,
              b.customer_name, b.customer_phone, b.tax_amount, b.message, b.send_at, b.token
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::char(3)[], $6::date[], $7::text[], $8::text[],
                   $10::text[], $11::text[], $12::bigint[], $13::text[], $14::timestamptz[], $15::text[])
            AS b(id, merchant_id, number, amount, currency, due_date, methods, status, customer_name, customer_phone, tax_amount, message, send_at, token)
       ON CONFLICT ON CONSTRAINT bill_merchant_bill_number DO NOTHING
       RETURNING id`,
      [
        s.map((b) => b.id),
        s.map((b) => b.merchantId),
        s.map((b) => b.merchantBillNumber),
        s.map((b) => b.amount.minorUnits),
        s.map((b) => b.amount.currencyCode),
        s.map((b) => b.dueDate),
        s.map((b) => b.allowedPaymentMethods.join('|')),
        s.map((b) => b.status),
        s[0].createdAt,
        s.map((b) => b.customerName ?? null),
        s.map((b) => b.customerPhone ?? null),
        s.map((b) => b.taxAmount ?? null),
        s.map((b) => b.message ?? null),
        s.map((b) => b.sendAt ?? null),
        s.map((b) => b.paymentLinkToken),
      ],
    );
    return new Set(rows.map((row) => row.id));
  }

  async enqueueSms(
    transaction: EntityManager,
    messages: { id: string; merchantId: string; billId: string; kind: SmsMessageKind; toPhone: string; body: string; notBefore: Date }[],
    now: Date,
  ): Promise<void> {
    if (messages.length === 0) return;
    const table = transaction.connection.getMetadata(SmsMessageEntity).tablePath;
    await transaction.query(
      `INSERT INTO ${table} (id, merchant_id, bill_id, kind, to_phone, body, status, attempts, next_attempt_at, created_at)
       SELECT m.id, m.merchant_id, m.bill_id, m.kind, m.to_phone, m.body, 'queued', 0, m.not_before, $7
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $8::timestamptz[])
            AS m(id, merchant_id, bill_id, kind, to_phone, body, not_before)`,
      [
        messages.map((m) => m.id),
        messages.map((m) => m.merchantId),
        messages.map((m) => m.billId),
        messages.map((m) => m.kind),
        messages.map((m) => m.toPhone),
        messages.map((m) => m.body),
        now,
        messages.map((m) => m.notBefore),
      ],
    );
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
