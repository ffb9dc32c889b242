import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { BillingException } from '@kessai/billing-domain';
import { MerchantId } from '@kessai/shared-service-runtime';
import { BillResponse } from '../../http/bill.response';
import { CreateBillCommand } from './create-bill.command';
import { CreateBillHandler } from './create-bill.handler';
import { CreateBillRequestDto } from './create-bill.request.dto';

@Controller('bills')
export class CreateBillHttpController {
  constructor(private readonly handler: CreateBillHandler) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(
    @MerchantId() merchantId: string,
    @Body() body: CreateBillRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BillResponse> {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
      throw new BillingException('BILLING_IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1 to 255 printable ASCII characters', 'Idempotency-Key');
    }
    const { merchantBillNumber, amount, currency, dueDate, allowedPaymentMethods, ...details } = body;
    const result = await this.handler.execute(
      new CreateBillCommand(merchantId, merchantBillNumber, amount, currency, dueDate, allowedPaymentMethods, {
        ...details,
        lineItems: details.lineItems?.map((item) => ({ description: item.description, quantity: item.quantity, unitAmount: item.unitAmount })),
      }),
      idempotencyKey,
    );
    if (result.replayed) response.setHeader('idempotent-replayed', 'true');
    return result.bill;
  }
}
