import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import type { KonbiniSlipResponse } from '@kessai/processor-contracts';
import { KonbiniPaymentRepository } from '@kessai/processor-data-access';
import { ProcessorException } from '@kessai/processor-domain';
import { toKonbiniSlipResponse } from '../../konbini-slip.response';

@Controller('v1/konbini/payments')
export class GetKonbiniSlipHttpController {
  constructor(private readonly payments: KonbiniPaymentRepository) {}

  @Get(':paymentId')
  async get(@Param('paymentId', new ParseUUIDPipe()) paymentId: string): Promise<KonbiniSlipResponse> {
    const payment = await this.payments.find(paymentId);
    if (!payment) throw new ProcessorException('PROCESSOR_KONBINI_PAYMENT_NOT_FOUND', `No konbini payment ${paymentId}`, 'paymentId');
    return toKonbiniSlipResponse(payment);
  }
}
