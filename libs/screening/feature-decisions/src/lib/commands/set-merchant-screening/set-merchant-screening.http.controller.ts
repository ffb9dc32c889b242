import { Body, Controller, Param, Put, UseGuards } from '@nestjs/common';
import { OperatorGuard } from '../../http/operator.guard';
import { checkedMerchantId } from '../../queries/get-merchant-screening/get-merchant-screening.http.controller';
import { SetMerchantScreeningHandler } from './set-merchant-screening.handler';
import { SetMerchantScreeningRequestDto } from './set-merchant-screening.request.dto';

@Controller('operator/merchants/:merchantId/screening')
@UseGuards(OperatorGuard)
export class SetMerchantScreeningHttpController {
  constructor(private readonly handler: SetMerchantScreeningHandler) {}

  /** `PUT /operator/merchants/:merchantId/screening {enabled, onReview}`: answers the stored setting with its version. */
  @Put()
  set(@Param('merchantId') merchantId: string, @Body() body: SetMerchantScreeningRequestDto) {
    return this.handler.execute({ merchantId: checkedMerchantId(merchantId), enabled: body.enabled, onReview: body.onReview, changedBy: 'operator' });
  }
}
