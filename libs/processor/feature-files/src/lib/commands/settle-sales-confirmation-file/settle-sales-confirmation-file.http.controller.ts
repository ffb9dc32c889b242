import { Controller, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { FileSummaryResponse } from '@kessai/processor-contracts';
import { Clock } from '@kessai/shared-clock';
import { FILES_OPTIONS, FilesOptions } from '../../files.options';
import { fileIdempotencyKey } from '../../http/file-idempotency';
import { readSignedFile } from '../../http/signed-file.reader';
import { SettleSalesConfirmationFileHandler } from './settle-sales-confirmation-file.handler';

@Controller('v1/files')
export class SettleSalesConfirmationFileHttpController {
  constructor(
    private readonly handler: SettleSalesConfirmationFileHandler,
    private readonly clock: Clock,
    @Inject(FILES_OPTIONS) private readonly options: FilesOptions,
  ) {}

  /** Body: the capture file (text/csv), signed in x-processor-signature; an optional Idempotency-Key makes a resend harmless. */
  @Post('sales-confirmations')
  @HttpCode(HttpStatus.CREATED)
  async upload(@Req() request: Request): Promise<FileSummaryResponse> {
    const text = await readSignedFile(request, this.options.signingSecret, Math.floor(this.clock.now().getTime() / 1000));
    return this.handler.execute(text, fileIdempotencyKey(request));
  }
}
