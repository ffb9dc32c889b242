import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { parse } from 'csv-parse';
import { DataSource, EntityManager } from 'typeorm';
import { BillAutoChargeRequestedV1, BillCreatedV1, BillScheduledV1 } from '@kessai/billing-contracts';
import {
  BillImportEntity,
  BillImportProblem,
  BillImportRepository,
  CustomerMandateRepository,
  SmsQueueRepository,
  StagedImportBill,
  WebhookRepository,
} from '@kessai/billing-data-access';
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
import { OutboxWriter, PreparedOutboxRow } from '@kessai/shared-messaging';
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
    private readonly mandates: CustomerMandateRepository,
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
          lineItems: row.lineItems,
          paymentLinkToken: this.tokens.next(),
        },
        today,
        now,
      );
      batch.bills.push(bill);
    } catch (failure) {
      if (!(failure instanceof BillingException)) throw failure;
      batch.rejected += 1;
      batch.problems.push({ line, column: failure.field ?? '', reason: failure.message });
    }
  }

  /** The merchant's webhooks for the imported bills: created, and scheduled for those with an SMS. */
  private async queueWebhooks(transaction: EntityManager, merchantId: string, staged: StagedImportBill[], createdPayloads: Map<string, object>, now: Date): Promise<void> {
    const occurredAt = now.toISOString();
    const body = (id: string, type: string, data: object) => JSON.stringify({ id, type, version: 1, occurredAt, data });
    const created = staged.map(({ bill, eventId }) => ({ eventId, eventType: BillCreatedV1.type, billId: bill.id, body: body(eventId, BillCreatedV1.type, createdPayloads.get(bill.id) as object) }));
    const scheduled = staged
      .filter(({ extraEvent }) => extraEvent?.topic.endsWith(BillScheduledV1.topic))
      .map(({ bill, extraEvent }) => {
        const { eventId, envelope } = extraEvent as { eventId: string; envelope: string };
        return { eventId, eventType: BillScheduledV1.type, billId: bill.id, body: body(eventId, BillScheduledV1.type, (JSON.parse(envelope) as { payload: object }).payload) };
      });
    await this.webhooks.enqueueMany(transaction, merchantId, [...created, ...scheduled], now, this.options.webhooks.giveUpAfterMs);
  }

  /**
   * One batch in one transaction: bills of customers with a mandate are charged automatically (their charge
   * request goes to the recurring engine, no link SMS); the others get their link SMS queued in the merchant's
   * sending window. Everything is staged in memory, then written with one COPY (see BillImportRepository).
   */
  private async writeBatch(importId: string, merchantId: string, batch: Batch, window: SendingWindow, now: Date, notifyMerchant: boolean): Promise<void> {
    await this.dataSource.transaction(async (transaction) => {
      const phones = [...new Set(batch.bills.map((bill) => bill.customerPhone).filter((phone): phone is string => phone !== undefined))];
      const mandates = await this.mandates.mandatesOf(transaction, merchantId, phones);
      const bills = batch.bills.map((bill) => {
        const mandateId = bill.customerPhone && mandates.get(bill.customerPhone);
        if (mandateId) return bill.requestAutoCharge(mandateId);
        return bill.customerPhone ? bill.schedule() : bill;
      });
      const createdPayloads = bills.map((bill) => BillEventsMapper.created(bill));
      const created = this.outbox.prepareMany(BillCreatedV1, createdPayloads.map((payload) => ({ merchantId, payload })), { validateEvery: 500 });
      const autoCharged = bills.filter((bill) => bill.awaitsAutoCharge);
      const chargeRequests = this.outbox.prepareMany(
        BillAutoChargeRequestedV1,
        autoCharged.map((bill) => ({ merchantId, payload: BillEventsMapper.autoChargeRequested(bill) })),
      );
      const scheduledBills = bills.filter((bill) => bill.status === 'scheduled');
      const sendAfter = (bill: Bill) => nextMomentInWindow(bill.sendAt && bill.sendAt > now ? bill.sendAt : now, window);
      const scheduledEvents = this.outbox.prepareMany(
        BillScheduledV1,
        scheduledBills.map((bill) => ({ merchantId, payload: BillEventsMapper.scheduled(bill, 'payment-link', sendAfter(bill)) })),
        { validateEvery: 500 },
      );
      const extraEvents = new Map<string, PreparedOutboxRow>([
        ...autoCharged.map((bill, i) => [bill.id, chargeRequests[i]] as const),
        ...scheduledBills.map((bill, i) => [bill.id, scheduledEvents[i]] as const),
      ]);
      const staged: StagedImportBill[] = bills.map((bill, i) => {
        const extra = extraEvents.get(bill.id);
        return {
          bill,
          eventId: created[i].eventId,
          envelope: created[i].envelope,
          extraEvent: extra && { eventId: extra.eventId, topic: extra.topic, envelope: extra.envelope },
          sms:
            bill.status === 'scheduled'
              ? {
                  id: newId(),
                  kind: 'payment-link' as const,
                  body: paymentLinkSms({
                    kind: 'payment-link',
                    amount: bill.amount.minorUnits,
                    currency: bill.amount.currencyCode,
                    dueDate: bill.dueDate,
                    url: paymentLinkUrl(this.options.paymentScreenPublicUrl, bill.paymentLinkToken),
                  }),
                  notBefore: sendAfter(bill),
                }
              : undefined,
        };
      });
      const first = created[0] as PreparedOutboxRow | undefined;
      const inserted = first
        ? new Set(await this.imports.writeBatch(transaction, staged, { topic: first.topic, messageKey: first.messageKey, bucket: first.bucket }, now))
        : new Set<string>();
      if (notifyMerchant && inserted.size > 0) {
        const payloads = new Map(bills.map((bill, i) => [bill.id, createdPayloads[i] as object]));
        await this.queueWebhooks(transaction, merchantId, staged.filter(({ bill }) => inserted.has(bill.id)), payloads, now);
      }
      await this.imports.recordBatch(transaction, importId, batch.problems, {
        rowsRead: batch.rowsRead,
        accepted: inserted.size,
        duplicates: batch.bills.length - inserted.size,
        rejected: batch.rejected,
      });
    });
  }
}
