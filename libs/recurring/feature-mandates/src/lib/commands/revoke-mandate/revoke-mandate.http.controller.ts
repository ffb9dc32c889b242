import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { MerchantId } from '@kessai/shared-service-runtime';
import { MandateResponse, toMandateResponse } from '../../http/mandate.response';
import { RevokeMandateHandler } from './revoke-mandate.handler';

@Controller('recurring/mandates')
export class RevokeMandateHttpController {
  constructor(private readonly handler: RevokeMandateHandler) {}

  /** Ends the mandate: no later bill of the customer is charged to it. Revoking twice answers the same. */
  @Post(':mandateId/revoke')
  @HttpCode(HttpStatus.OK)
  async revoke(@MerchantId() shopId: string, @Param('mandateId') mandateId: string): Promise<MandateResponse> {
    return toMandateResponse(await this.handler.revoke(shopId, mandateId));
  }
}
