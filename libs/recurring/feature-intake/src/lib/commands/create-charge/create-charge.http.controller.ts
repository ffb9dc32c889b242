import { Body, Controller, Get, Headers, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ApiChargeRepository } from '@kessai/recurring-data-access';
import { RecurringException } from '@kessai/recurring-domain';
import { MerchantId } from '@kessai/shared-service-runtime';
import { ChargeResponse, toChargeResponse } from '../../http/charge.response';
import { CreateChargeHandler } from './create-charge.handler';
import { CreateChargeRequestDto } from './create-charge.request.dto';

@Controller('recurring/charges')
export class CreateChargeHttpController {
  constructor(
    private readonly handler: CreateChargeHandler,
    private readonly apiCharges: ApiChargeRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** 201 with the outcome (authorized or declined); a retry with the same key answers 200 with the same charge. */
  @Post()
  async create(
    @MerchantId() shopId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CreateChargeRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ChargeResponse> {
    const { charge, replayed } = await this.handler.execute({ shopId, idempotencyKey, ...body });
    response.status(replayed ? 200 : 201);
    if (replayed) response.setHeader('idempotent-replayed', 'true');
    return toChargeResponse(charge);
  }

  @Get(':id')
  async get(@MerchantId() shopId: string, @Param('id') id: string): Promise<ChargeResponse> {
    const charge = await this.apiCharges.findOfShop(this.dataSource.manager, shopId, id);
    if (!charge) throw new RecurringException('RECURRING_CHARGE_NOT_FOUND', `There is no charge ${id}`);
    return toChargeResponse(charge);
  }
}
