import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ScreeningDecision, ScreeningRequest } from '@kessai/screening-contracts';
import { MerchantId } from '@kessai/shared-service-runtime';
import { DecidePaymentCommand } from './decide-payment.command';
import { DecidePaymentHandler } from './decide-payment.handler';

@Controller('decisions')
export class DecidePaymentHttpController {
  constructor(private readonly handler: DecidePaymentHandler) {}

  /** Approve, review or decline, with the score, the rules that fired and the versions that decided. */
  @Post()
  @HttpCode(HttpStatus.OK)
  decide(@MerchantId() merchantId: string, @Body() request: ScreeningRequest): Promise<ScreeningDecision> {
    return this.handler.execute(new DecidePaymentCommand(merchantId, request));
  }
}
