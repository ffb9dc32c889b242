import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { BillRepository } from '@kessai/billing-data-access';
import { BillingException } from '@kessai/billing-domain';
import { BillResponse, toBillResponse } from '../../http/bill.response';
import { MerchantId } from '@kessai/shared-service-runtime';

@Controller('bills')
export class GetBillHttpController {
  constructor(private readonly bills: BillRepository) {}

  @Get(':billId')
  async get(@MerchantId() merchantId: string, @Param('billId', new ParseUUIDPipe()) billId: string): Promise<BillResponse> {
    const bill = await this.bills.findOfMerchant(merchantId, billId);
    if (!bill) throw new BillingException('BILLING_BILL_NOT_FOUND', `No bill ${billId} for this merchant`, 'billId');
    return toBillResponse(bill);
  }
}
