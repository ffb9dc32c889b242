import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { FileSummaryResponse, SALES_CONFIRMATION_COLUMNS, SETTLEMENT_RESULT_COLUMNS } from '@kessai/processor-contracts';
import { AuthorizationEntity, CardEntity, ProcessorFileEntity, SaleEntity, WebhookOutbox } from '@kessai/processor-data-access';
import {
  CardProfile,
  lineError,
  parseSalesConfirmationLine,
  readCsvFile,
  REASON_CODES,
  SalesConfirmationRecord,
  settleSale,
  writeCsvFile,
} from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { FILES_OPTIONS, FilesOptions } from '../../files.options';
import { recordedFileAnswer } from '../../http/file-idempotency';
import { FileOutcome } from '../../http/file-summary';

type ResultRow = Record<(typeof SETTLEMENT_RESULT_COLUMNS)[number], string | number>;

interface KnownToNetwork {
  cards: Map<string, CardEntity>;
  authorizations: Map<string, AuthorizationEntity>;
  /** Authorizations of the file captured by an earlier file. */
  capturedAuthorizations: Set<string>;
  /** `merchant|reference` of earlier floor-limit sales. */
  floorReferences: Set<string>;
}

@Injectable()
export class SettleSalesConfirmationFileHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookOutbox,
    private readonly clock: Clock,
    @Inject(FILES_OPTIONS) private readonly options: FilesOptions,
  ) {}

  /**
   * 確定: settles each sale of the capture file and answers a settlement result file. A bad line is answered
   * as an error row naming its line and field; the other lines are settled. `settlement.completed` is sent.
   * An upload repeating an earlier one's idempotency key gets that upload's answer and settles nothing.
   */
  async execute(text: string, idempotencyKey: string | null = null): Promise<FileSummaryResponse> {
    const lines = readCsvFile(text, SALES_CONFIRMATION_COLUMNS, 'capture file');
    const fileId = newId();
    const now = this.clock.now();
    const outcome = new FileOutcome<ResultRow>();
    return this.dataSource.transaction(async (transaction) => {
      const recorded = await recordedFileAnswer(transaction, 'sales_confirmation', idempotencyKey);
      if (recorded) return recorded;
      const capturedInFile = new Set<string>();
      const parsed = lines.map((line) => {
        try {
          return { line, record: parseSalesConfirmationLine(line) };
        } catch (error) {
          return { line, error };
        }
      });
      const known = await this.lookUp(transaction, parsed.flatMap((item) => (item.record ? [item.record] : [])));
      const sales: SaleEntity[] = [];
      for (const { line, record, error: parseError } of parsed) {
        try {
          if (!record) throw parseError;
          outcome.rows.push(this.settle(record, known, capturedInFile, sales, fileId, now, outcome));
        } catch (error) {
          const failure = outcome.fail(error, line.line);
          outcome.rows.push({
            line: line.line,
            reference: line.values['reference'] ?? '',
            authorization_id: line.values['authorization_id'] ?? '',
            sale_id: '',
            status: 'error',
            reason_code: failure.code,
            reason: failure.message,
            amount: line.values['amount'] ?? '',
            currency: line.values['currency'] ?? '',
            error_field: failure.field ?? '',
          });
        }
      }
      for (let i = 0; i < sales.length; i += 1000) await transaction.insert(SaleEntity, sales.slice(i, i + 1000));
      const result = writeCsvFile(SETTLEMENT_RESULT_COLUMNS, outcome.rows);
      const summary = outcome.summary(fileId, 'sales_confirmation', this.options.publicUrl);
      await transaction.insert(ProcessorFileEntity, {
        id: fileId,
        kind: 'sales_confirmation',
        lines: outcome.rows.length,
        accepted: outcome.accepted,
        rejected: outcome.rows.length - outcome.accepted,
        result,
        receivedAt: now,
        idempotencyKey,
        summary,
      });
      const settledAmount = outcome.rows.filter((r) => r.status === 'settled').reduce((sum, r) => sum + Number(r.amount), 0);
      await this.webhooks.add(transaction, 'settlement.completed', 'platform', {
        fileId,
        lines: outcome.rows.length,
        settled: outcome.accepted,
        declined: outcome.rows.filter((r) => r.status === 'declined').length,
        errors: outcome.errors.length,
        settledAmount,
        resultUrl: `${this.options.publicUrl}/v1/files/${fileId}/result`,
      }, now);
      return summary;
    });
  }

  /** What the network knows about a file's cards, authorizations and earlier sales: a few queries per file, not per line. */
  private async lookUp(transaction: EntityManager, records: SalesConfirmationRecord[]): Promise<KnownToNetwork> {
    const cardIds = [...new Set(records.map((r) => r.cardId))];
    const authorizationIds = [...new Set(records.flatMap((r) => (r.authorizationId ? [r.authorizationId] : [])))];
    const floorReferences = [...new Set(records.filter((r) => r.authorizationId === null).map((r) => r.reference))];
    // one after the other: they share the transaction's connection
    const cards = cardIds.length ? await transaction.findBy(CardEntity, { id: In(cardIds) }) : [];
    const authorizations = authorizationIds.length ? await transaction.findBy(AuthorizationEntity, { id: In(authorizationIds) }) : [];
    const captured = authorizationIds.length
      ? await transaction.find(SaleEntity, { select: { authorizationId: true }, where: { authorizationId: In(authorizationIds) } })
      : [];
    const floorSales = floorReferences.length
      ? await transaction.find(SaleEntity, { select: { merchantId: true, reference: true }, where: { reference: In(floorReferences), authorizationId: IsNull() } })
      : [];
    return {
      cards: new Map(cards.map((card) => [card.id, card])),
      authorizations: new Map(authorizations.map((authorization) => [authorization.id, authorization])),
      capturedAuthorizations: new Set(captured.map((sale) => sale.authorizationId as string)),
      floorReferences: new Set(floorSales.map((sale) => `${sale.merchantId}|${sale.reference}`)),
    };
  }

  private settle(
    record: SalesConfirmationRecord,
    known: KnownToNetwork,
    capturedInFile: Set<string>,
    sales: SaleEntity[],
    fileId: string,
    now: Date,
    outcome: FileOutcome<ResultRow>,
  ): ResultRow {
    const card = known.cards.get(record.cardId);
    if (!card || card.merchantId !== record.merchantId) throw lineError(record.line, 'card_id', 'unknown card reference for this merchant');
    let authorization: AuthorizationEntity | null = null;
    if (record.authorizationId) {
      authorization = known.authorizations.get(record.authorizationId) ?? null;
      if (!authorization) throw lineError(record.line, 'authorization_id', 'unknown authorization');
    }
    let decision = settleSale(record, {
      card: { profile: card.profile as CardProfile, status: card.status, merchantId: card.merchantId },
      authorization,
      floorLimit: this.options.floorLimits.get(record.merchantId) ?? null,
    });
    // A floor-limit sale has no authorization to deduplicate on: the merchant's reference stands in for it.
    const alreadyCaptured =
      record.authorizationId !== null
        ? capturedInFile.has(record.authorizationId) || known.capturedAuthorizations.has(record.authorizationId)
        : capturedInFile.has(`reference:${record.merchantId}|${record.reference}`) || known.floorReferences.has(`${record.merchantId}|${record.reference}`);
    if (decision.status === 'settled' && alreadyCaptured) {
      decision = { status: 'declined', reasonCode: REASON_CODES.authorization_not_capturable.code, reason: 'already_captured' };
    }
    let saleId = '';
    if (decision.status === 'settled') {
      saleId = newId();
      capturedInFile.add(record.authorizationId ?? `reference:${record.merchantId}|${record.reference}`);
      sales.push(Object.assign(new SaleEntity(), {
        id: saleId,
        merchantId: record.merchantId,
        authorizationId: record.authorizationId,
        cardId: record.cardId,
        amount: record.amount,
        refundedAmount: 0,
        currency: record.currency,
        saleDate: record.saleDate,
        reference: record.reference,
        fileId,
        createdAt: now,
      }));
      outcome.accepted += 1;
    }
    return {
      line: record.line,
      reference: record.reference,
      authorization_id: record.authorizationId ?? '',
      sale_id: saleId,
      status: decision.status,
      reason_code: decision.reasonCode,
      reason: decision.reason,
      amount: record.amount,
      currency: record.currency,
      error_field: '',
    };
  }
}
