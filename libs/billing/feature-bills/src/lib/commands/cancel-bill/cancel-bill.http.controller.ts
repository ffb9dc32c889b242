import { Body, Controller, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { MerchantId } from '@kessai/shared-service-runtime';
import { BILLING_OPTIONS, BillingOptions } from '../../billing.options';
import { BillResponse, toBillResponse } from '../../http/bill.response';
import { CancelBillHandler } from './cancel-bill.handler';
import { CancelBillRequestDto } from './cancel-bill.request.dto';

@Controller('bills')
export class CancelBillHttpController {
  constructor(
    private readonly handler: CancelBillHandler,
    @Inject(BILLING_OPTIONS) private readonly options: BillingOptions,
  ) {}

  @Post(':billId/cancel')
  @HttpCode(HttpStatus.OK)
  async cancel(
    @MerchantId() merchantId: string,
    @Param('billId', new ParseUUIDPipe()) billId: string,
    @Body() body: CancelBillRequestDto,
  ): Promise<BillResponse> {
    return toBillResponse(await this.handler.execute(merchantId, billId, body.reason), this.options.paymentScreenPublicUrl);
  }
}
