import { Controller, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { FileSummaryResponse } from '@kessai/processor-contracts';
import { Clock } from '@kessai/shared-clock';
import { FILES_OPTIONS, FilesOptions } from '../../files.options';
import { fileIdempotencyKey } from '../../http/file-idempotency';
import { readSignedFile } from '../../http/signed-file.reader';
import { RefreshCardsHandler } from './refresh-cards.handler';

@Controller('v1/files')
export class RefreshCardsHttpController {
  constructor(
    private readonly handler: RefreshCardsHandler,
    private readonly clock: Clock,
    @Inject(FILES_OPTIONS) private readonly options: FilesOptions,
  ) {}

  /** Body: the card refresh file (text/csv), signed in x-processor-signature; an optional Idempotency-Key makes a resend harmless. */
  @Post('card-refreshes')
  @HttpCode(HttpStatus.CREATED)
  async upload(@Req() request: Request): Promise<FileSummaryResponse> {
    const text = await readSignedFile(request, this.options.signingSecret, Math.floor(this.clock.now().getTime() / 1000));
    return this.handler.execute(text, fileIdempotencyKey(request));
  }
}
