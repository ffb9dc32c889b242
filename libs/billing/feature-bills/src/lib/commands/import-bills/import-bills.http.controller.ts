import { Controller, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { IsIn, IsOptional } from 'class-validator';
import { MerchantId } from '@kessai/shared-service-runtime';
import { toBillImportResponse } from '../../http/bill-import.response';
import { ImportBillsHandler } from './import-bills.handler';

export class ImportBillsRequestDto {
  /** `auto` (default) tells UTF-8 from Shift_JIS by the bytes. */
  @IsOptional()
  @IsIn(['auto', 'utf-8', 'shift_jis'])
  encoding?: 'auto' | 'utf-8' | 'shift_jis';
}

/**
 * `POST /bill-imports` with the CSV as the raw body (any content type but JSON). The import's id is in the
 * `Location` header sent at once, so its progress can be read (GET /bill-imports/:id) while the file is still
 * being uploaded; the body, at the end, is the import's final state.
 */
@Controller('bill-imports')
export class ImportBillsHttpController {
  constructor(private readonly handler: ImportBillsHandler) {}

  @Post()
  async upload(@MerchantId() merchantId: string, @Query() query: ImportBillsRequestDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const importId = await this.handler.start(merchantId);
    response.status(HttpStatus.ACCEPTED).setHeader('location', `/bill-imports/${importId}`);
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.flushHeaders();
    const result = await this.handler.run(importId, merchantId, request, query.encoding ?? 'auto');
    response.end(JSON.stringify(toBillImportResponse(result)));
  }
}
