import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ChargeFileRecord, ChargeFileRepository } from '@kessai/recurring-data-access';
import { RecurringException } from '@kessai/recurring-domain';
import { streamQueryAsCsv } from '@kessai/shared-csv';
import { MerchantId } from '@kessai/shared-service-runtime';
import { CHARGE_FILE_ERROR_COLUMNS, ChargeFileResponse, toChargeFileResponse } from '../../http/charge-file.response';

@Controller('recurring/files')
export class GetChargeFileHttpController {
  constructor(
    private readonly files: ChargeFileRepository,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  async list(@MerchantId() shopId: string, @Query('limit') limit?: string): Promise<{ files: ChargeFileResponse[] }> {
    const files = await this.files.page(shopId, Math.min(Math.max(Number(limit) || 50, 1), 500));
    return { files: files.map(toChargeFileResponse) };
  }

  @Get(':fileId')
  async get(@MerchantId() shopId: string, @Param('fileId') fileId: string): Promise<ChargeFileResponse> {
    return toChargeFileResponse(await this.fileOf(shopId, fileId));
  }

  /** The file's line errors (line, column, reason), streamed. */
  @Get(':fileId/errors.csv')
  async errors(@MerchantId() shopId: string, @Param('fileId') fileId: string, @Res() response: Response): Promise<void> {
    const file = await this.fileOf(shopId, fileId);
    await streamQueryAsCsv(this.dataSource, response, `${file.id}-errors.csv`, { ...this.files.errorsQuery(file.id), columns: CHARGE_FILE_ERROR_COLUMNS });
  }

  private async fileOf(shopId: string, fileId: string): Promise<ChargeFileRecord> {
    const file = await this.files.find(shopId, fileId);
    if (!file) throw new RecurringException('RECURRING_FILE_NOT_FOUND', `There is no charge file ${fileId}`);
    return file;
  }
}
