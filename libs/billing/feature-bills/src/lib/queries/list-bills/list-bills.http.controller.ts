import { Controller, Get, Inject, Query } from '@nestjs/common';
import { BillRepository } from '@kessai/billing-data-access';
import { MerchantId } from '@kessai/shared-service-runtime';
import { BILLING_OPTIONS, BillingOptions } from '../../billing.options';
import { BillResponse, toBillResponse } from '../../http/bill.response';
import { ListBillsRequestDto } from './list-bills.request.dto';
import { afterIdOf, cursorOf } from '../../http/page.request.dto';

export interface BillPageResponse {
  items: BillResponse[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Keyset pagination on the time-ordered id: stable while bills are being added, no OFFSET scans. */
@Controller('bills')
export class ListBillsHttpController {
  constructor(
    private readonly bills: BillRepository,
    @Inject(BILLING_OPTIONS) private readonly options: BillingOptions,
  ) {}

  @Get()
  async list(@MerchantId() merchantId: string, @Query() query: ListBillsRequestDto): Promise<BillPageResponse> {
    const limit = query.limit ?? 50;
    const afterId = afterIdOf(query.cursor);
    const page = await this.bills.list(merchantId, { ...query, afterId, limit: limit + 1 });
    const items = page.slice(0, limit);
    return {
      items: items.map((bill) => toBillResponse(bill, this.options.paymentScreenPublicUrl)),
      nextCursor: page.length > limit ? cursorOf(items[items.length - 1].id) : null,
    };
  }
}
