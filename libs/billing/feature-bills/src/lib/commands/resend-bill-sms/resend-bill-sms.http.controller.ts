import { Controller, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { MerchantId } from '@kessai/shared-service-runtime';
import { BILLING_OPTIONS, BillingOptions } from '../../billing.options';
import { BillResponse, toBillResponse } from '../../http/bill.response';
import { ResendBillSmsHandler } from './resend-bill-sms.handler';

@Controller('bills')
export class ResendBillSmsHttpController {
  constructor(
    private readonly handler: ResendBillSmsHandler,
    @Inject(BILLING_OPTIONS) private readonly options: BillingOptions,
  ) {}

  /** 202: the SMS is queued; it goes out when the merchant's sending window is open. */
  @Post(':billId/resend-sms')
  @HttpCode(HttpStatus.ACCEPTED)
  async resend(@MerchantId() merchantId: string, @Param('billId', new ParseUUIDPipe()) billId: string): Promise<BillResponse> {
    return toBillResponse(await this.handler.execute(merchantId, billId), this.options.paymentScreenPublicUrl);
  }
}
