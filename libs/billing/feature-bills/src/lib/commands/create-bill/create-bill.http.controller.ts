import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { BillResponse, toBillResponse } from '../../http/bill.response';
import { MerchantId } from '@kessai/shared-service-runtime';
import { CreateBillCommand } from './create-bill.command';
import { CreateBillHandler } from './create-bill.handler';
import { CreateBillRequestDto } from './create-bill.request.dto';

@Controller('bills')
export class CreateBillHttpController {
  constructor(private readonly handler: CreateBillHandler) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(@MerchantId() merchantId: string, @Body() body: CreateBillRequestDto): Promise<BillResponse> {
    const bill = await this.handler.execute(
      new CreateBillCommand(merchantId, body.merchantBillNumber, body.amount, body.currency, body.dueDate, body.allowedPaymentMethods),
    );
    return toBillResponse(bill);
  }
}
