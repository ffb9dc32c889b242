import { Controller, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { MerchantId } from '@kessai/shared-service-runtime';
import { toChargeFileResponse } from '../../http/charge-file.response';
import { ReceiveChargeFileHandler } from '../receive-charge-file/receive-charge-file.handler';
import { UploadChargeFileRequestDto } from './upload-charge-file.request.dto';

/**
 * `POST /recurring/files` with the CSV as the raw body (text/csv), streamed. Answers when the file is merged:
 * 201 with its counts (line errors at `errorsUrl`), 200 when it is a duplicate (nothing created), 422 when the
 * cycle's deadline has passed, the header is wrong or an immediate file is over the quota.
 */
@Controller('recurring/files')
export class UploadChargeFileHttpController {
  constructor(private readonly handler: ReceiveChargeFileHandler) {}

  @Post()
  async upload(@MerchantId() shopId: string, @Query() query: UploadChargeFileRequestDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const mode = query.mode ?? 'cycle';
    // refused before a byte is read: unknown shop, closed cycle
    await this.handler.admit({ shopId, mode, cycle: query.cycle });
    const file = await this.handler.execute({
      shopId,
      mode,
      cycle: query.cycle,
      channel: 'api',
      fileId: query.fileId,
      name: query.name ?? 'upload.csv',
      encoding: query.encoding ?? 'auto',
      source: request,
    });
    response.status(file.status === 'duplicate' ? 200 : 201).setHeader('location', `/recurring/files/${file.id}`);
    response.json(toChargeFileResponse(file));
  }
}
