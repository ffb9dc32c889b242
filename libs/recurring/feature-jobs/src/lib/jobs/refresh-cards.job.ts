import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CARD_REFRESH_COLUMNS } from '@kessai/processor-contracts';
import { CardRefreshedV1, CardRefreshedV1Payload, DefinitionStoppedV1, DefinitionStoppedV1Payload, MandateRevokedV1, MandateRevokedV1Payload } from '@kessai/recurring-contracts';
import { CardRefreshRepository, MandateRepository } from '@kessai/recurring-data-access';
import { CardRefreshAnswer, cardRefreshAnswerOf, cardRefreshEffect } from '@kessai/recurring-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { OutboxWriter } from '@kessai/shared-messaging';
import { ProcessorFilesClient } from '../processor/processor-files.client';
import { ShopChunk, ShopChunkResult, ShopJob } from './shop-job';

/**
 * Monthly card refresh (洗替), before the cycle: every card reference the shop stores (definitions that still
 * bill, mandates) goes to the processor once per cycle, a chunk per file, and the answers are applied: a
 * replaced card moves the definitions and mandates to the new reference, a closed account stops the
 * definitions billing it (`recurring.definition.stopped.v1`) and ends the mandates charging it
 * (`recurring.mandate.revoked.v1`: billing sends those customers a payment link again), and every change is announced
 * (`recurring.card.refreshed.v1`). Like capture files, a refresh file is committed before it is sent and
 * resent under the same idempotency key, so a rerun or a restart asks about no card twice in a cycle.
 */
@Injectable()
export class RefreshCardsJob implements ShopJob {
  readonly name = 'refresh-cards';
  private readonly logger = new Logger(RefreshCardsJob.name);

  constructor(
    private readonly refreshes: CardRefreshRepository,
    private readonly mandates: MandateRepository,
    private readonly processor: ProcessorFilesClient,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  countRecords(shopId: string): Promise<number> {
    return this.refreshes.countCards(shopId);
  }

  async runChunk(transaction: EntityManager, chunk: ShopChunk): Promise<ShopChunkResult> {
    if (chunk.dryRun) {
      const next = await this.refreshes.countNextChunk(chunk.shopId, chunk.cycle, chunk.after, chunk.limit);
      return { processed: next.count, checkpoint: next.lastCardRef };
    }
    const fileId =
      (await this.refreshes.findOpen(chunk.shopId, chunk.cycle)) ??
      (await this.refreshes.prepare(newId(), chunk.shopId, chunk.cycle, chunk.after, chunk.limit, this.clock.now()));
    if (fileId === null) return { processed: 0, checkpoint: null };
    const cardRefs = await this.refreshes.cardRefsOf(fileId);

    const { summary, answers: rows } = await this.processor.exchange('card-refreshes', fileId, CARD_REFRESH_COLUMNS, cardRefs.map((cardRef) => [cardRef]));
    const byCard = new Map(rows.map((row) => [row['card_id'], cardRefreshAnswerOf(row)]));
    const answers: CardRefreshAnswer[] = cardRefs.map(
      (cardRef) => byCard.get(cardRef) ?? { cardRef, result: 'error', newCardRef: null, newExpMonth: null, newExpYear: null, message: 'no answer from the processor' },
    );
    const now = this.clock.now();
    await this.refreshes.recordAnswers(transaction, fileId, summary.fileId, answers, now);

    const replaced = answers.filter((answer) => cardRefreshEffect(answer) === 'replace');
    const moved = await this.refreshes.replaceCards(
      transaction,
      chunk.shopId,
      replaced.map((answer) => ({ oldCardRef: answer.cardRef, newCardRef: answer.newCardRef as string })),
    );
    const closed = answers.filter((answer) => cardRefreshEffect(answer) === 'stop');
    const stopped = await this.refreshes.stopDefinitionsOfCards(transaction, chunk.shopId, closed.map((answer) => answer.cardRef), now);
    const revokedMandates = await this.mandates.revokeOfCards(transaction, chunk.shopId, closed.map((answer) => answer.cardRef), 'card_closed', now);
    const stoppedPerCard = new Map<string, number>();
    for (const definition of stopped) stoppedPerCard.set(definition.cardRef, (stoppedPerCard.get(definition.cardRef) ?? 0) + 1);

    await this.outbox.addMany(
      transaction,
      CardRefreshedV1,
      answers
        .filter((answer) => cardRefreshEffect(answer) !== 'none')
        .map((answer) => ({
          merchantId: chunk.shopId,
          payload: Object.assign(new CardRefreshedV1Payload(), {
            cardRef: answer.cardRef,
            cycle: chunk.cycle,
            result: answer.result,
            ...(answer.newCardRef ? { newCardRef: answer.newCardRef } : {}),
            ...(answer.newExpMonth !== null ? { newExpMonth: answer.newExpMonth } : {}),
            ...(answer.newExpYear !== null ? { newExpYear: answer.newExpYear } : {}),
            definitionsAffected: moved.get(answer.cardRef) ?? stoppedPerCard.get(answer.cardRef) ?? 0,
          }),
        })),
    );
    await this.outbox.addMany(
      transaction,
      DefinitionStoppedV1,
      stopped.map((definition) => ({
        merchantId: chunk.shopId,
        payload: Object.assign(new DefinitionStoppedV1Payload(), { ...definition, reason: 'card_closed', stoppedAt: now.toISOString() }),
      })),
    );
    await this.outbox.addMany(
      transaction,
      MandateRevokedV1,
      revokedMandates.map((mandate) => ({
        merchantId: chunk.shopId,
        payload: Object.assign(new MandateRevokedV1Payload(), {
          mandateRequestId: mandate.mandateRequestId,
          customerPhone: mandate.customerPhone,
          reason: 'card_closed',
          revokedAt: now.toISOString(),
        }),
      })),
    );
    const errors = answers.filter((answer) => answer.result === 'error');
    if (errors.length > 0) this.logger.warn(`refresh-cards ${chunk.shopId} ${chunk.cycle}: ${errors.length} card references answered with an error (file ${fileId})`);
    return { processed: cardRefs.length, checkpoint: cardRefs[cardRefs.length - 1] };
  }
}
