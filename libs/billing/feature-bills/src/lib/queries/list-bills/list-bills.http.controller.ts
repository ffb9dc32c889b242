import { Controller, Get, Inject, Query } from '@nestjs/common';
import { BillRepository } from '@kessai/billing-data-access';
import { BillingException } from '@kessai/billing-domain';
import { isUuidV7 } from '@kessai/shared-ids';
import { MerchantId } from '@kessai/shared-service-runtime';
import { BILLING_OPTIONS, BillingOptions } from '../../billing.options';
import { BillResponse, toBillResponse } from '../../http/bill.response';
import { ListBillsRequestDto } from './list-bills.request.dto';

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
    const afterId = query.cursor === undefined ? undefined : Buffer.from(query.cursor, 'base64url').toString('utf8');
    if (afterId !== undefined && !isUuidV7(afterId)) {
      throw new BillingException('BILLING_CURSOR_INVALID', 'cursor is not a nextCursor this API returned', 'cursor');
    }
    const page = await this.bills.list(merchantId, { ...query, afterId, limit: limit + 1 });
    const items = page.slice(0, limit);
    return {
      items: items.map((bill) => toBillResponse(bill, this.options.paymentScreenPublicUrl)),
      nextCursor: page.length > limit ? Buffer.from(items[items.length - 1].id, 'utf8').toString('base64url') : null,
    };
  }
}
