import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { IsInt, Matches, Min } from 'class-validator';
import { RefundResult, RefundSaleHandler } from './refund-sale.handler';

export class RefundSaleRequestDto {
  @Matches(/^[\w-]{1,64}$/, { message: 'merchantId must be 1 to 64 letters, digits, _ or -' })
  merchantId: string;

  @IsInt()
  @Min(1)
  amount: number;

  @Matches(/^[\x21-\x7e]{1,128}$/, { message: 'idempotencyKey must be 1 to 128 printable characters' })
  idempotencyKey: string;
}

@Controller('v1/sales')
export class RefundSaleHttpController {
  constructor(private readonly handler: RefundSaleHandler) {}

  @Post(':saleId/refunds')
  @HttpCode(HttpStatus.CREATED)
  refund(@Param('saleId', new ParseUUIDPipe()) saleId: string, @Body() body: RefundSaleRequestDto): Promise<RefundResult> {
    return this.handler.execute(body.merchantId, saleId, body.amount, body.idempotencyKey);
  }
}
