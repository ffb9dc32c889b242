import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { MerchantScreeningRepository } from '@kessai/screening-data-access';
import { OperatorGuard } from '../../http/operator.guard';
import { ScreeningException } from '../../screening.exception';

const MERCHANT_ID = /^[\w-]{1,64}$/;

export function checkedMerchantId(merchantId: string): string {
  if (!MERCHANT_ID.test(merchantId)) throw new ScreeningException('SCREENING_MERCHANT_INVALID', 'merchantId is 1 to 64 letters, digits, _ or -', 'merchantId');
  return merchantId;
}

@Controller('operator/merchants/:merchantId/screening')
@UseGuards(OperatorGuard)
export class GetMerchantScreeningHttpController {
  constructor(private readonly settings: MerchantScreeningRepository) {}

  /** A merchant never set up is not screened. */
  @Get()
  async get(@Param('merchantId') merchantId: string) {
    return (await this.settings.find(checkedMerchantId(merchantId))) ?? { merchantId, enabled: false, onReview: 'decline', version: 0 };
  }
}
