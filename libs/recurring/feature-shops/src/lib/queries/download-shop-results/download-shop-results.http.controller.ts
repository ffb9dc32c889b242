import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { ChargeRepository } from '@kessai/recurring-data-access';
import { Cycle } from '@kessai/recurring-domain';
import { MerchantId } from '@kessai/shared-service-runtime';

export const SHOP_RESULT_COLUMNS = [
  'charge_key',
  'definition_id',
  'card_ref',
  'amount',
  'currency',
  'charge_date',
  'status',
  'authorization_id',
  'decline_code',
  'floor_limit',
  // capture / settlement and dunning outcomes
  'sale_id',
  'captured_on',
  'dunning_status',
  'retry_attempts',
  'next_retry_at',
  'dunning_stop_reason',
] as const;

const PAGE = 5000;

/** The shop's result file of a cycle (CSV, one line per charge), streamed page by page: memory stays flat. */
export async function writeShopResults(charges: ChargeRepository, shopId: string, cycleText: string, res: Response): Promise<void> {
  const cycle = Cycle.of(cycleText).toString();
  res.status(200).setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${shopId}-${cycle}-results.csv"`);
  res.write(stringify([[...SHOP_RESULT_COLUMNS]]));
  for (let after = '0'; ; ) {
    const page = await charges.pageOfShop(shopId, cycle, after, PAGE);
    if (page.length === 0) break;
    const chunk = stringify(page.map((row) => SHOP_RESULT_COLUMNS.map((column) => (row[column] === null ? '' : String(row[column])))));
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    after = page[page.length - 1].id;
    if (page.length < PAGE) break;
  }
  res.end();
}

/** Operators: any shop's result file. */
@Controller('shops')
export class DownloadShopResultsHttpController {
  constructor(private readonly charges: ChargeRepository) {}

  @Get(':shopId/cycles/:cycle/results.csv')
  async download(@Param('shopId') shopId: string, @Param('cycle') cycleText: string, @Res() res: Response): Promise<void> {
    await writeShopResults(this.charges, shopId, cycleText, res);
  }
}

/** Merchants: their own shop's result file only (the shop is the authenticated merchant). */
@Controller('recurring/cycles')
export class DownloadMerchantResultsHttpController {
  constructor(private readonly charges: ChargeRepository) {}

  @Get(':cycle/results.csv')
  async download(@MerchantId() shopId: string, @Param('cycle') cycleText: string, @Res() res: Response): Promise<void> {
    await writeShopResults(this.charges, shopId, cycleText, res);
  }
}
