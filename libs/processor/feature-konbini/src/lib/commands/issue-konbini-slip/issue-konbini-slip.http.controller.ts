import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import type { KonbiniSlipResponse } from '@kessai/processor-contracts';
import { toKonbiniSlipResponse } from '../../konbini-slip.response';
import { IssueKonbiniSlipCommand } from './issue-konbini-slip.command';
import { IssueKonbiniSlipHandler } from './issue-konbini-slip.handler';
import { IssueKonbiniSlipRequestDto } from './issue-konbini-slip.request.dto';

@Controller('v1/konbini/payments')
export class IssueKonbiniSlipHttpController {
  constructor(private readonly handler: IssueKonbiniSlipHandler) {}

  /** Issues a payment slip (receipt and confirmation numbers) the customer pays at the chain's stores. */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async issue(@Body() body: IssueKonbiniSlipRequestDto): Promise<KonbiniSlipResponse> {
    const command = new IssueKonbiniSlipCommand(body.merchantId, body.amount, body.currency, body.chain, new Date(body.deadline), body.idempotencyKey);
    return toKonbiniSlipResponse(await this.handler.execute(command));
  }
}
