import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
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
      for (const line of lines) {
        let record: SalesConfirmationRecord | undefined;
        try {
          record = parseSalesConfirmationLine(line);
          outcome.rows.push(await this.settle(transaction, record, capturedInFile, fileId, now, outcome));
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

  private async settle(
    transaction: EntityManager,
    record: SalesConfirmationRecord,
    capturedInFile: Set<string>,
    fileId: string,
    now: Date,
    outcome: FileOutcome<ResultRow>,
  ): Promise<ResultRow> {
    const card = await transaction.findOneBy(CardEntity, { id: record.cardId });
    if (!card || card.merchantId !== record.merchantId) throw lineError(record.line, 'card_id', 'unknown card reference for this merchant');
    let authorization: AuthorizationEntity | null = null;
    if (record.authorizationId) {
      authorization = await transaction.findOneBy(AuthorizationEntity, { id: record.authorizationId });
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
        ? capturedInFile.has(record.authorizationId) || (await transaction.existsBy(SaleEntity, { authorizationId: record.authorizationId }))
        : capturedInFile.has(`reference:${record.reference}`) ||
          (await transaction.existsBy(SaleEntity, { merchantId: record.merchantId, reference: record.reference, authorizationId: IsNull() }));
    if (decision.status === 'settled' && alreadyCaptured) {
      decision = { status: 'declined', reasonCode: REASON_CODES.authorization_not_capturable.code, reason: 'already_captured' };
    }
    let saleId = '';
    if (decision.status === 'settled') {
      saleId = newId();
      capturedInFile.add(record.authorizationId ?? `reference:${record.reference}`);
      await transaction.insert(SaleEntity, {
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
      });
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
