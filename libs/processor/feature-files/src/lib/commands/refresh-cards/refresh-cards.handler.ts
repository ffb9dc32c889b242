import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CARD_REFRESH_COLUMNS, CARD_REFRESH_RESULT_COLUMNS, FileSummaryResponse } from '@kessai/processor-contracts';
import { CardEntity, CardRepository, ProcessorFileEntity } from '@kessai/processor-data-access';
import { CardProfile, lineError, parseCardRefreshLine, readCsvFile, refreshResultOf, renewedExpiry, writeCsvFile } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { FILES_OPTIONS, FilesOptions } from '../../files.options';
import { recordedFileAnswer } from '../../http/file-idempotency';
import { FileOutcome } from '../../http/file-summary';

type ResultRow = Record<(typeof CARD_REFRESH_RESULT_COLUMNS)[number], string | number>;

@Injectable()
export class RefreshCardsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: CardRepository,
    private readonly clock: Clock,
    @Inject(FILES_OPTIONS) private readonly options: FilesOptions,
  ) {}

  /**
   * 洗替: answers, for every card reference of the file, what the issuer knows now, and applies it (a new
   * expiry, a replacement card, a closed account) so later authorizations see it. An upload repeating an
   * earlier one's idempotency key gets that upload's answer (a new expiry is reported once by the issuer).
   */
  async execute(text: string, idempotencyKey: string | null = null): Promise<FileSummaryResponse> {
    const lines = readCsvFile(text, CARD_REFRESH_COLUMNS, 'card refresh file');
    const fileId = newId();
    const now = this.clock.now();
    const outcome = new FileOutcome<ResultRow>();
    return this.dataSource.transaction(async (transaction) => {
      const recorded = await recordedFileAnswer(transaction, 'card_refresh', idempotencyKey);
      if (recorded) return recorded;
      for (const line of lines) {
        try {
          const { cardId } = parseCardRefreshLine(line);
          outcome.rows.push({ line: line.line, card_id: cardId, ...(await this.refresh(transaction, line.line, cardId, now)), error_field: '', message: '' });
          outcome.accepted += 1;
        } catch (error) {
          const failure = outcome.fail(error, line.line);
          outcome.rows.push({
            line: line.line,
            card_id: line.values['card_id'] ?? '',
            result: 'error',
            new_card_id: '',
            new_exp_month: '',
            new_exp_year: '',
            error_field: failure.field ?? '',
            message: failure.message,
          });
        }
      }
      const summary = outcome.summary(fileId, 'card_refresh', this.options.publicUrl);
      await transaction.insert(ProcessorFileEntity, {
        id: fileId,
        kind: 'card_refresh',
        lines: outcome.rows.length,
        accepted: outcome.accepted,
        rejected: outcome.rows.length - outcome.accepted,
        result: writeCsvFile(CARD_REFRESH_RESULT_COLUMNS, outcome.rows),
        receivedAt: now,
        idempotencyKey,
        summary,
      });
      return summary;
    });
  }

  private async refresh(
    transaction: EntityManager,
    line: number,
    cardId: string,
    now: Date,
  ): Promise<Pick<ResultRow, 'result' | 'new_card_id' | 'new_exp_month' | 'new_exp_year'>> {
    const card = await transaction.findOneBy(CardEntity, { id: cardId });
    if (!card) throw lineError(line, 'card_id', 'unknown card reference');
    if (card.replacedBy) return { result: 'replaced', new_card_id: card.replacedBy, new_exp_month: '', new_exp_year: '' };
    const result = refreshResultOf({ profile: card.profile as CardProfile, status: card.status });
    const none = { new_card_id: '', new_exp_month: '', new_exp_year: '' };
    switch (result) {
      case 'new_expiry': {
        const renewed = renewedExpiry(card.expMonth, card.expYear);
        // Renewed once: the next refresh finds nothing new.
        await this.cards.update(transaction, card.id, { ...renewed });
        await transaction.update(CardEntity, { id: card.id }, { profile: 'approve' });
        return { result, new_card_id: '', new_exp_month: renewed.expMonth, new_exp_year: renewed.expYear };
      }
      case 'replaced': {
        const renewed = renewedExpiry(card.expMonth, card.expYear);
        const replacement = Object.assign(new CardEntity(), {
          ...card,
          id: newId(),
          last4: String(randomInt(0, 10_000)).padStart(4, '0'),
          ...renewed,
          profile: 'approve',
          status: 'active' as const,
          replacedBy: null,
          createdAt: now,
        });
        await this.cards.insert(transaction, replacement);
        await this.cards.update(transaction, card.id, { status: 'closed', replacedBy: replacement.id });
        return { result, new_card_id: replacement.id, new_exp_month: renewed.expMonth, new_exp_year: renewed.expYear };
      }
      case 'closed':
        if (card.status !== 'closed') await this.cards.update(transaction, card.id, { status: 'closed' });
        return { result, ...none };
      default:
        return { result, ...none };
    }
  }
}
