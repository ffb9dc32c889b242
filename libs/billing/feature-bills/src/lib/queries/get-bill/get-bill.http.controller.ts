import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { BillRepository } from '@kessai/billing-data-access';
import { BillingException } from '@kessai/billing-domain';
import { MerchantId } from '@kessai/shared-service-runtime';
import { BILLING_OPTIONS, BillingOptions } from '../../billing.options';
import { BillResponse, toBillResponse } from '../../http/bill.response';

@Controller('bills')
export class GetBillHttpController {
  constructor(
    private readonly bills: BillRepository,
    @Inject(BILLING_OPTIONS) private readonly options: BillingOptions,
  ) {}

  @Get(':billId')
  async get(@MerchantId() merchantId: string, @Param('billId', new ParseUUIDPipe()) billId: string): Promise<BillResponse> {
    const bill = await this.bills.findOfMerchant(merchantId, billId);
    if (!bill) throw new BillingException('BILLING_BILL_NOT_FOUND', `No bill ${billId} for this merchant`, 'billId');
    return toBillResponse(bill, this.options.paymentScreenPublicUrl);
  }
}
