import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { parse } from 'csv-parse';
import { DataSource, EntityManager } from 'typeorm';
import { BillCreatedV1 } from '@kessai/billing-contracts';
import { BillImportEntity, BillImportProblem, BillImportRepository, SmsQueueRepository, WebhookRepository } from '@kessai/billing-data-access';
import {
  Bill,
  BillingException,
  checkBillCsvHeader,
  japanDate,
  nextMomentInWindow,
  parseBillCsvRow,
  paymentLinkSms,
  SendingWindow,
} from '@kessai/billing-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { OutboxWriter } from '@kessai/shared-messaging';
import { Currency, Money } from '@kessai/shared-money';
import { BILLING_OPTIONS, BillingOptions } from '../../billing.options';
import { BillEventsMapper } from '../../http/bill-events.mapper';
import { paymentLinkUrl } from '../../http/bill.response';
import { CsvEncoding, decodeCsv } from '@kessai/shared-csv';

export const MAX_IMPORT_ROWS = 1_000_000;
const BATCH = 2000;
const WRITERS = 2;

/** Payment link tokens (128 random bits each) cut from one large random buffer: one system call per 4,096. */
class PaymentLinkTokens {
  private pool = Buffer.alloc(0);
  private offset = 0;

  next(): string {
    if (this.offset + 16 > this.pool.length) {
      this.pool = randomBytes(16 * 4096);
      this.offset = 0;
    }
    this.offset += 16;
    return this.pool.toString('base64url', this.offset - 16, this.offset);
  }
}

class CsvHeaderRejected extends Error {
  constructor(readonly problems: { column: string; reason: string }[]) {
    super(`The header row is not valid: ${problems.map((p) => `${p.column}: ${p.reason}`).join('; ')}`);
  }
}

interface Batch {
  bills: Bill[];
  problems: BillImportProblem[];
  rowsRead: number;
  rejected: number;
}

/**
 * A CSV of bills, streamed: decoded chunk by chunk, parsed line by line, each line checked; valid lines are
 * written in batches (bills, their created events and SMS in one transaction per batch), invalid ones become
 * the error report. A bill number the merchant already has is a duplicate, skipped: the same file twice
 * creates nothing twice. One batch is written while the next is parsed.
 */
@Injectable()
export class ImportBillsHandler {
  private readonly logger = new Logger(ImportBillsHandler.name);
  private readonly tokens = new PaymentLinkTokens();

  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: BillImportRepository,
    private readonly smsQueue: SmsQueueRepository,
    private readonly webhooks: WebhookRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(BILLING_OPTIONS) private readonly options: BillingOptions,
  ) {}

  async start(merchantId: string): Promise<string> {
    const id = newId();
    await this.imports.start({
      id,
      merchantId,
      status: 'running',
      encoding: null,
      fileSha256: null,
      rowsRead: 0,
      accepted: 0,
      duplicates: 0,
      rejected: 0,
      error: null,
      startedAt: this.clock.now(),
      finishedAt: null,
    });
    return id;
  }

  async run(importId: string, merchantId: string, source: AsyncIterable<Buffer>, declared: CsvEncoding | 'auto'): Promise<BillImportEntity> {
    const now = this.clock.now();
    const today = japanDate(now);
    const window = (await this.smsQueue.windowOf(this.dataSource.manager, merchantId)) ?? this.options.defaultSendingWindow;
    const notifyMerchant = (await this.webhooks.endpointOf(null, merchantId)) !== null;
    const hash = createHash('sha256');
    let encoding: CsvEncoding | null = null;
    const hashed = (async function* () {
      for await (const chunk of source) {
        hash.update(chunk);
        yield chunk as Buffer;
      }
    })();
    const parser = Readable.from(decodeCsv(hashed, declared, (decided) => (encoding = decided))).pipe(
      parse({
        bom: true,
        info: true,
        skip_empty_lines: true,
        max_record_size: 64 * 1024,
        columns: (header: string[]) => {
          const names = header.map((name) => name.trim());
          const problems = checkBillCsvHeader(names);
          if (problems.length > 0) throw new CsvHeaderRejected(problems);
          return names;
        },
      }),
    );
    let batch: Batch = { bills: [], problems: [], rowsRead: 0, rejected: 0 };
    let rows = 0;
    let error: string | null = null;
    // Up to WRITERS batches are written at once (each its own connection and transaction) while parsing goes on.
    const inFlight = new Set<Promise<void>>();
    let writeError: unknown;
    const write = async (full: Batch) => {
      while (inFlight.size >= WRITERS) await Promise.race(inFlight);
      const promise = this.writeBatch(importId, merchantId, full, window, now, notifyMerchant)
        .catch((failure: unknown) => {
          writeError = writeError ?? failure;
        })
        .finally(() => inFlight.delete(promise));
      inFlight.add(promise);
    };
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
        rows += 1;
        if (rows > MAX_IMPORT_ROWS) {
          error = `The file has more than ${MAX_IMPORT_ROWS} lines of bills: stopped at line ${info.lines}; split it`;
          parser.destroy();
          break;
        }
        batch.rowsRead += 1;
        this.readLine(merchantId, record, info.lines, today, now, batch);
        if (writeError) throw writeError;
        if (batch.bills.length + batch.rejected >= BATCH) {
          await write(batch);
          batch = { bills: [], problems: [], rowsRead: 0, rejected: 0 };
        }
      }
    } catch (failure) {
      if (failure === writeError) {
        // Reported below.
      } else if (failure instanceof CsvHeaderRejected) {
        batch.problems.push(...failure.problems.map((p) => ({ line: 1, ...p })));
        error = failure.message;
      } else {
        const line = (failure as { lines?: number }).lines;
        error = `The file could not be read as CSV${line ? ` at line ${line}` : ''}: ${(failure as Error).message}`;
      }
    }
    if (!writeError) await write(batch);
    await Promise.all(inFlight);
    if (writeError) {
      this.logger.error(`import ${importId} failed while writing: ${(writeError as Error).message}`);
      error = `Writing the bills failed: ${(writeError as Error).message}; upload the file again (accepted lines are kept, duplicates skipped)`;
    }
    await this.imports.finish(importId, {
      status: error ? 'failed' : 'completed',
      error,
      encoding,
      fileSha256: hash.digest('hex'),
      finishedAt: this.clock.now(),
    });
    return (await this.imports.findOfMerchant(merchantId, importId)) as BillImportEntity;
  }

  private readLine(merchantId: string, record: Record<string, string>, line: number, today: string, now: Date, batch: Batch): void {
    const parsed = parseBillCsvRow(record);
    if ('problems' in parsed) {
      batch.rejected += 1;
      for (const problem of parsed.problems) batch.problems.push({ line, ...problem });
      return;
    }
    const { row } = parsed;
    if (!Currency.isValid(row.currency)) {
      batch.rejected += 1;
      batch.problems.push({ line, column: 'currency', reason: `"${row.currency}" is not an ISO 4217 currency` });
      return;
    }
    try {
      const bill = Bill.create(
        newId(),
        {
          merchantId,
          merchantBillNumber: row.merchantBillNumber,
          amount: Money.of(row.amount, row.currency),
          dueDate: row.dueDate,
          allowedPaymentMethods: row.allowedPaymentMethods,
          customerName: row.customerName,
          customerPhone: row.customerPhone,
          taxAmount: row.taxAmount,
          message: row.message,
          sendAt: row.sendAt,
          paymentLinkToken: this.tokens.next(),
        },
        today,
        now,
      );
      batch.bills.push(bill.customerPhone ? bill.schedule() : bill);
    } catch (failure) {
      if (!(failure instanceof BillingException)) throw failure;
      batch.rejected += 1;
      batch.problems.push({ line, column: failure.field ?? '', reason: failure.message });
    }
  }

  /** The merchant's webhooks for the imported bills: created, and scheduled for those with an SMS. */
  private async queueWebhooks(transaction: EntityManager, merchantId: string, bills: Bill[], payloads: object[], eventIds: string[], now: Date): Promise<void> {
    const occurredAt = now.toISOString();
    const body = (id: string, type: string, data: object) => JSON.stringify({ id, type, version: 1, occurredAt, data });
    const created = bills.map((bill, i) => ({ eventId: eventIds[i], eventType: BillCreatedV1.type, billId: bill.id, body: body(eventIds[i], BillCreatedV1.type, payloads[i]) }));
    const scheduled = bills
      .filter((bill) => bill.status === 'scheduled')
      .map((bill) => {
        const id = newId();
        const sendAfter = (bill.sendAt && bill.sendAt > now ? bill.sendAt : now).toISOString();
        return { eventId: id, eventType: 'billing.bill.scheduled', billId: bill.id, body: body(id, 'billing.bill.scheduled', { billId: bill.id, sendAfter }) };
      });
    await this.webhooks.enqueueMany(transaction, merchantId, [...created, ...scheduled], now, this.options.webhooks.giveUpAfterMs);
  }

  private async writeBatch(importId: string, merchantId: string, batch: Batch, window: SendingWindow, now: Date, notifyMerchant: boolean): Promise<void> {
    await this.dataSource.transaction(async (transaction) => {
      const inserted = await this.imports.insertNewBills(transaction, batch.bills);
      const fresh = batch.bills.filter((bill) => inserted.has(bill.id));
      const payloads = fresh.map((bill) => BillEventsMapper.created(bill));
      const eventIds = await this.outbox.addMany(
        transaction,
        BillCreatedV1,
        payloads.map((payload) => ({ merchantId, payload })),
        { validateEvery: 500 },
      );
      if (notifyMerchant) await this.queueWebhooks(transaction, merchantId, fresh, payloads, eventIds, now);
      await this.imports.enqueueSms(
        transaction,
        fresh
          .filter((bill) => bill.customerPhone)
          .map((bill) => ({
            id: newId(),
            merchantId,
            billId: bill.id,
            kind: 'payment-link' as const,
            toPhone: bill.customerPhone as string,
            body: paymentLinkSms({
              kind: 'payment-link',
              amount: bill.amount.minorUnits,
              currency: bill.amount.currencyCode,
              dueDate: bill.dueDate,
              url: paymentLinkUrl(this.options.paymentScreenPublicUrl, bill.paymentLinkToken),
            }),
            notBefore: nextMomentInWindow(bill.sendAt && bill.sendAt > now ? bill.sendAt : now, window),
          })),
        now,
      );
      await this.imports.recordBatch(transaction, importId, batch.problems, {
        rowsRead: batch.rowsRead,
        accepted: fresh.length,
        duplicates: batch.bills.length - fresh.length,
        rejected: batch.rejected,
      });
    });
  }
}
