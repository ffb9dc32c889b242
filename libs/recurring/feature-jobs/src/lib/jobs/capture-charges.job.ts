import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SALES_CONFIRMATION_COLUMNS } from '@kessai/processor-contracts';
import { ChargeCapturedV1, ChargeCapturedV1Payload, ChargeSettlementDeclinedV1, ChargeSettlementDeclinedV1Payload } from '@kessai/recurring-contracts';
import { CaptureFileRepository, CaptureLine, CaptureSettlement } from '@kessai/recurring-data-access';
import { SettlementOutcome, settlementOutcomeOf } from '@kessai/recurring-domain';
import { Clock } from '@kessai/shared-clock';
import { failpoint } from '@kessai/shared-failpoints';
import { newId } from '@kessai/shared-ids';
import { OutboxWriter } from '@kessai/shared-messaging';
import { ProcessorFilesClient } from '../processor/processor-files.client';
import { ShopChunk, ShopChunkResult, ShopJob } from './shop-job';

/**
 * Next-day sales confirmation (確定): a shop's authorized charges of a cycle (floor-limit ones too) go to the
 * processor in capture files of a chunk each, and the settlement result is applied: captured, or declined at
 * settlement. A file and its lines are committed BEFORE it is sent, and each charge can be in one file only;
 * a file found recorded but not applied (the engine died after recording or after sending it) is sent again
 * under the same idempotency key, which the processor answers from its record — no charge is captured twice.
 */
@Injectable()
export class CaptureChargesJob implements ShopJob {
  readonly name = 'capture-charges';
  private readonly logger = new Logger(CaptureChargesJob.name);

  constructor(
    private readonly files: CaptureFileRepository,
    private readonly processor: ProcessorFilesClient,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  countRecords(shopId: string, cycle: string): Promise<number> {
    return this.files.countAuthorized(shopId, cycle);
  }

  async runChunk(transaction: EntityManager, chunk: ShopChunk): Promise<ShopChunkResult> {
    if (chunk.dryRun) {
      const next = await this.files.countNextChunk(chunk.shopId, chunk.cycle, chunk.after, chunk.limit);
      return { processed: next.count, checkpoint: next.lastChargeId };
    }
    const fileId =
      (await this.files.findOpen(chunk.shopId, chunk.cycle)) ??
      (await this.files.prepare(newId(), chunk.shopId, chunk.cycle, chunk.after, chunk.limit, this.clock.now()));
    if (fileId === null) return { processed: 0, checkpoint: null };
    const lines = await this.files.linesOf(fileId);
    failpoint('recurring.capture.after-file-recorded');

    const { summary, answers } = await this.processor.exchange(
      'sales-confirmations',
      fileId,
      SALES_CONFIRMATION_COLUMNS,
      lines.map((line) => [chunk.shopId, line.authorizationId ?? '', line.cardRef, line.amount, line.currency, line.saleDate, line.reference]),
    );
    failpoint('recurring.capture.after-processor-answer');

    const outcomes = this.pairAnswers(fileId, lines, answers);
    const now = this.clock.now();
    const moved = await this.files.applySettlement(
      transaction,
      fileId,
      summary.fileId,
      [...outcomes].map(([line, outcome]): CaptureSettlement => ({
        chargeId: line.chargeId,
        status: outcome.kind,
        saleId: outcome.kind === 'captured' ? outcome.saleId : null,
        declineCode: outcome.kind === 'settlement_declined' ? outcome.declineCode : null,
      })),
      now,
    );
    const announced = [...outcomes].filter(([line]) => moved.has(line.chargeId));
    const common = (line: CaptureLine) => ({
      chargeKey: line.chargeKey,
      cycle: chunk.cycle,
      cardRef: line.cardRef,
      amount: line.amount,
      currency: line.currency,
      ...(line.authorizationId ? { authorizationId: line.authorizationId } : {}),
      floorLimit: line.floorLimit,
      captureFileId: fileId,
    });
    await this.outbox.addMany(
      transaction,
      ChargeCapturedV1,
      announced.flatMap(([line, outcome]) =>
        outcome.kind === 'captured'
          ? [{ merchantId: chunk.shopId, payload: Object.assign(new ChargeCapturedV1Payload(), { ...common(line), saleId: outcome.saleId, saleDate: line.saleDate }) }]
          : [],
      ),
    );
    await this.outbox.addMany(
      transaction,
      ChargeSettlementDeclinedV1,
      announced.flatMap(([line, outcome]) =>
        outcome.kind === 'settlement_declined'
          ? [
              {
                merchantId: chunk.shopId,
                payload: Object.assign(new ChargeSettlementDeclinedV1Payload(), {
                  ...common(line),
                  declineCode: outcome.declineCode.slice(0, 64),
                  reason: outcome.reason.slice(0, 500),
                }),
              },
            ]
          : [],
      ),
    );
    const lastChargeId = lines.reduce((last, line) => (BigInt(line.chargeId) > BigInt(last) ? line.chargeId : last), '0');
    return { processed: lines.length, checkpoint: lastChargeId };
  }

  /** Each recorded line with its answer line (same file line number). */
  private pairAnswers(fileId: string, lines: CaptureLine[], answers: Record<string, string>[]): Map<CaptureLine, SettlementOutcome> {
    const byLine = new Map(answers.map((answer) => [Number(answer['line']), answer]));
    const outcomes = new Map<CaptureLine, SettlementOutcome>();
    for (const line of lines) {
      const answer = byLine.get(line.line);
      if (!answer || answer['reference'] !== line.reference) {
        // never guess: the charge stays authorized in its file and an operator looks at the processor's answer
        this.logger.error(`capture file ${fileId}: no settlement answer for line ${line.line} (charge ${line.chargeKey})`);
        continue;
      }
      outcomes.set(
        line,
        settlementOutcomeOf({ line: line.line, status: answer['status'], saleId: answer['sale_id'] ?? '', reasonCode: answer['reason_code'] ?? '', reason: answer['reason'] ?? '' }),
      );
    }
    return outcomes;
  }
}
