import { Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { KonbiniSlipResponse } from '@kessai/processor-contracts';
import { toKonbiniSlipResponse } from '../../konbini-slip.response';
import { PayKonbiniSlipCommand } from './pay-konbini-slip.command';
import { PayKonbiniSlipHandler } from './pay-konbini-slip.handler';

@Controller('v1/konbini/payments')
export class PayKonbiniSlipHttpController {
  constructor(private readonly handler: PayKonbiniSlipHandler) {}

  /** "Pay at the store": what the store terminal does when the customer pays the slip; sends konbini.paid. */
  @Post(':paymentId/pay')
  @HttpCode(HttpStatus.OK)
  async pay(@Param('paymentId', new ParseUUIDPipe()) paymentId: string): Promise<KonbiniSlipResponse> {
    return toKonbiniSlipResponse(await this.handler.execute(new PayKonbiniSlipCommand(paymentId)));
  }
}
