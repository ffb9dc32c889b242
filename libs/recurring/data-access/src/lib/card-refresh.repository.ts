import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CardRefreshAnswer } from '@kessai/recurring-domain';
import { findOpenExchangeFile, markExchangeFileApplied } from './processor-file-exchange';
import { recurringTable } from './recurring-tables';

/** Every card reference a shop stores: its definitions that still bill, its members' cards, and its mandates. */
const SHOP_CARDS = (source: DataSource | EntityManager) =>
  `SELECT card_ref FROM ${recurringTable(source, 'recurring_definition')} WHERE shop_id = $1 AND stopped_at IS NULL
   UNION SELECT card_ref FROM ${recurringTable(source, 'member')} WHERE shop_id = $1 AND card_ref IS NOT NULL
   UNION SELECT card_ref FROM ${recurringTable(source, 'mandate')} WHERE shop_id = $1`;

export interface StoppedDefinition {
  definitionId: string;
  memberId: string;
  cardRef: string;
}

/** Card refresh (洗替) files: recorded with their card references before sending, then the answers applied. */
@Injectable()
export class CardRefreshRepository {
  constructor(private readonly dataSource: DataSource) {}

  async countCards(shopId: string): Promise<number> {
    const rows: { count: string }[] = await this.dataSource.query(`SELECT count(*) AS count FROM (${SHOP_CARDS(this.dataSource)}) cards`, [shopId]);
    return Number(rows[0].count);
  }

  async countNextChunk(shopId: string, cycle: string, afterCardRef: string, limit: number): Promise<{ count: number; lastCardRef: string | null }> {
    const rows: { count: string; last: string | null }[] = await this.dataSource.query(
      `SELECT count(*) AS count, max(card_ref COLLATE "C") AS last FROM (
         SELECT cards.card_ref FROM (${SHOP_CARDS(this.dataSource)}) cards
         WHERE cards.card_ref COLLATE "C" > $3
           AND NOT EXISTS (SELECT 1 FROM ${recurringTable(this.dataSource, 'card_refresh_line')} l WHERE l.shop_id = $1 AND l.cycle = $2 AND l.card_ref = cards.card_ref)
         ORDER BY cards.card_ref COLLATE "C" LIMIT $4) chunk`,
      [shopId, cycle, afterCardRef, limit],
    );
    return { count: Number(rows[0].count), lastCardRef: rows[0].last };
  }

  findOpen(shopId: string, cycle: string): Promise<string | null> {
    return findOpenExchangeFile(this.dataSource, 'card_refresh', shopId, cycle);
  }

  /**
   * Records a refresh file of the shop's next card references not refreshed this cycle yet (set-based) and
   * commits it before anything is sent; null when every card was refreshed.
   */
  async prepare(fileId: string, shopId: string, cycle: string, afterCardRef: string, limit: number, now: Date): Promise<string | null> {
    return this.dataSource.transaction(async (transaction) => {
      const rows: { lines: string }[] = await transaction.query(
        `WITH picked AS (
           SELECT cards.card_ref FROM (${SHOP_CARDS(transaction)}) cards
           WHERE cards.card_ref COLLATE "C" > $3
             AND NOT EXISTS (SELECT 1 FROM ${recurringTable(transaction, 'card_refresh_line')} l WHERE l.shop_id = $1 AND l.cycle = $2 AND l.card_ref = cards.card_ref)
           ORDER BY cards.card_ref COLLATE "C" LIMIT $4
         ), file AS (
           INSERT INTO ${recurringTable(transaction, 'processor_file_exchange')} (id, kind, shop_id, cycle, status, lines, created_at)
           SELECT $5, 'card_refresh', $1, $2, 'prepared', count(*), $6 FROM picked HAVING count(*) > 0
           RETURNING id
         ), lines AS (
           INSERT INTO ${recurringTable(transaction, 'card_refresh_line')} (file_id, line, shop_id, cycle, card_ref)
           SELECT file.id, 1 + row_number() OVER (ORDER BY p.card_ref COLLATE "C"), $1, $2, p.card_ref FROM picked p CROSS JOIN file
           RETURNING 1
         )
         SELECT count(*) AS lines FROM lines`,
        [shopId, cycle, afterCardRef, limit, fileId, now],
      );
      return Number(rows[0].lines) > 0 ? fileId : null;
    });
  }

  async cardRefsOf(fileId: string): Promise<string[]> {
    const rows: { card_ref: string }[] = await this.dataSource.query(
      `SELECT card_ref FROM ${recurringTable(this.dataSource, 'card_refresh_line')} WHERE file_id = $1 ORDER BY line`,
      [fileId],
    );
    return rows.map((row) => row.card_ref);
  }

  /** Writes each card's answer on its line and closes the file. */
  async recordAnswers(transaction: EntityManager, fileId: string, processorFileId: string, answers: CardRefreshAnswer[], now: Date): Promise<void> {
    await transaction.query(
      `UPDATE ${recurringTable(transaction, 'card_refresh_line')} l
       SET result = a.result, new_card_ref = a.new_card_ref, new_exp_month = a.new_exp_month, new_exp_year = a.new_exp_year, message = a.message
       FROM unnest($2::text[], $3::text[], $4::text[], $5::smallint[], $6::smallint[], $7::text[]) AS a(card_ref, result, new_card_ref, new_exp_month, new_exp_year, message)
       WHERE l.file_id = $1 AND l.card_ref = a.card_ref`,
      [
        fileId,
        answers.map((a) => a.cardRef),
        answers.map((a) => a.result),
        answers.map((a) => a.newCardRef),
        answers.map((a) => a.newExpMonth),
        answers.map((a) => a.newExpYear),
        answers.map((a) => a.message),
      ],
    );
    await markExchangeFileApplied(transaction, fileId, processorFileId, now);
  }

  /** Moves the shop's billing definitions, members and mandates from replaced cards to their replacements; counts definitions per old card. */
  async replaceCards(transaction: EntityManager, shopId: string, replacements: { oldCardRef: string; newCardRef: string }[]): Promise<Map<string, number>> {
    if (replacements.length === 0) return new Map();
    const params = [shopId, replacements.map((r) => r.oldCardRef), replacements.map((r) => r.newCardRef)];
    const rows: { old_card_ref: string; count: string }[] = await transaction.query(
      `WITH moved AS (UPDATE ${recurringTable(transaction, 'recurring_definition')} d SET card_ref = r.new_card_ref
         FROM unnest($2::text[], $3::text[]) AS r(old_card_ref, new_card_ref)
         WHERE d.shop_id = $1 AND d.card_ref = r.old_card_ref AND d.stopped_at IS NULL
         RETURNING r.old_card_ref)
       SELECT old_card_ref, count(*) AS count FROM moved GROUP BY old_card_ref`,
      params,
    );
    for (const table of ['member', 'mandate']) {
      await transaction.query(
        `UPDATE ${recurringTable(transaction, table)} t SET card_ref = r.new_card_ref
         FROM unnest($2::text[], $3::text[]) AS r(old_card_ref, new_card_ref)
         WHERE t.shop_id = $1 AND t.card_ref = r.old_card_ref`,
        params,
      );
    }
    return new Map(rows.map((row) => [row.old_card_ref, Number(row.count)]));
  }

  /** Stops the shop's definitions that bill closed cards; returns the definitions it stopped. */
  async stopDefinitionsOfCards(transaction: EntityManager, shopId: string, cardRefs: string[], now: Date): Promise<StoppedDefinition[]> {
    if (cardRefs.length === 0) return [];
    const rows: { id: string; member_id: string; card_ref: string }[] = await transaction.query(
      `WITH stopped AS (UPDATE ${recurringTable(transaction, 'recurring_definition')} SET stopped_at = $3
         WHERE shop_id = $1 AND card_ref = ANY($2::text[]) AND stopped_at IS NULL
         RETURNING id, member_id::text AS member_id, card_ref)
       SELECT id, member_id, card_ref FROM stopped ORDER BY id`,
      [shopId, cardRefs, now],
    );
    return rows.map((row) => ({ definitionId: row.id, memberId: row.member_id, cardRef: row.card_ref }));
  }
}
