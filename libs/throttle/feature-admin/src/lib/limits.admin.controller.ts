import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import type { MerchantLimits } from '@kessai/throttle-domain';
import { MerchantFlowControl, MerchantLimitsProvider, MerchantUsage, SetMerchantLimitsHandler } from '@kessai/throttle-feature-flow-control';
import { AdminTokenGuard } from './admin-token.guard';
import { MerchantLimitsRequestDto } from './admin.dto';
import { MerchantIdPipe } from './merchant-id.pipe';

/**
 * A merchant's flow-control limits (a change reaches every gateway instance within FLOW_LIMITS_CACHE_MS) and
 * their current use (`GET …/limits/usage`).
 */
@Controller('admin/merchants/:merchantId/limits')
@UseGuards(AdminTokenGuard)
export class LimitsAdminController {
  constructor(
    private readonly setLimits: SetMerchantLimitsHandler,
    private readonly limits: MerchantLimitsProvider,
    private readonly flowControl: MerchantFlowControl,
  ) {}

  @Put()
  put(@Param('merchantId', MerchantIdPipe) merchantId: string, @Body() body: MerchantLimitsRequestDto): Promise<MerchantLimits> {
    return this.setLimits.execute(merchantId, { merchant: { ...body.merchant }, paymentMethods: { ...body.paymentMethods } });
  }

  @Get()
  get(@Param('merchantId', MerchantIdPipe) merchantId: string): Promise<MerchantLimits> {
    return this.limits.limitsOf(merchantId);
  }

  /** The merchant's current use of its limits across all gateway instances: in flight, how full the rate is. */
  @Get('usage')
  usage(@Param('merchantId', MerchantIdPipe) merchantId: string): Promise<MerchantUsage> {
    return this.flowControl.usage(merchantId);
  }
}
