import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Get, Inject, Logger, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { ConsoleException } from '@kessai/console-domain';
import { ConsoleController, ConsolePageContext, RequiresAction, signedInUser } from '@kessai/console-feature-sign-in';
import { Clock } from '@kessai/shared-clock';
import { BillImportView } from '../clients/api-shapes';
import { KessaiApis } from '../clients/kessai-apis';
import { apiErrorMessage } from '../clients/service-api.client';
import { MERCHANT_SCREENS_OPTIONS, MerchantScreensOptions } from '../merchant-screens.options';
import { shopOfMerchant } from '../recurring/shop-deadline';
import { relayDownload } from '../web/relay-download';
import { ScreenPages } from '../web/screen-pages';

/**
 * How long the upload of a recurring file waits for the engine's answer before sending the person to the file's
 * progress page: a small file (or a refusal, e.g. a passed deadline) is answered at once, a large one is followed live.
 */
const RECURRING_ANSWER_WAIT_MS = 1500;
const CYCLE = /^\d{4}-(0[1-9]|1[0-2])$/;

export class UploadRequestQueryDto {
  @IsOptional()
  @IsString()
  _csrf?: string;

  @IsOptional()
  @IsIn(['auto', 'utf-8', 'shift_jis'])
  encoding?: 'auto' | 'utf-8' | 'shift_jis';

  @IsOptional()
  @IsIn(['ja', 'en'])
  lang?: string;

  /** The cycle a recurring file is for (YYYY-MM); the form's choice, default the current one. */
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'cycle must be YYYY-MM' })
  cycle?: string;
}

export class ImportPageQueryDto {
  /** Lines in the uploaded file (counted by the console), for the progress bar. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  lines?: number;

  @IsOptional()
  @IsIn(['ja', 'en'])
  lang?: string;
}

/** Lines of bills in a CSV: its line breaks, minus the header, plus a last line without a break. */
export function countCsvLines(file: Buffer): number {
  let lines = 0;
  for (let i = file.indexOf(10); i !== -1; i = file.indexOf(10, i + 1)) lines++;
  if (file.length > 0 && file[file.length - 1] !== 10) lines++;
  return Math.max(0, lines - 1);
}

/**
 * CSV uploads. The file goes to billing-requests' import API as it is; billing answers with the import's id at
 * once and works through the file, so the console sends the person to a progress page that polls the import
 * (live counts, announced to screen readers), then offers the error report. The CSRF token is in the form's
 * URL because a multipart body is read only after the access guard.
 */
@ConsoleController('uploads')
export class UploadsHttpController {
  private readonly multipart: ReturnType<ReturnType<typeof multer>['single']>;
  private readonly logger = new Logger(UploadsHttpController.name);

  constructor(
    private readonly apis: KessaiApis,
    private readonly pages: ScreenPages,
    private readonly clock: Clock,
    @Inject(MERCHANT_SCREENS_OPTIONS) private readonly options: MerchantScreensOptions,
  ) {
    this.multipart = multer({ storage: multer.memoryStorage(), limits: { fileSize: options.uploadMaxBytes, files: 1, fields: 5 } }).single('file');
  }

  @Get()
  @RequiresAction('view')
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    const context = this.pages.context(request, response);
    response.send(await this.form(context, signedInUser(request).merchantId, null));
  }

  @Post('bills')
  @RequiresAction('bills.upload')
  async uploadBills(@Query() query: UploadRequestQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const merchantId = signedInUser(request).merchantId;
    const context = this.pages.context(request, response);
    const file = await this.readFile(request, context);
    if (typeof file === 'string') {
      response.status(422).send(await this.form(context, merchantId, file));
      return;
    }
    const encoding = query.encoding ?? 'auto';
    const answer = await this.apis.billing.upload(`/bill-imports?encoding=${encoding}`, merchantId, file, 'text/csv');
    const location = String(answer.headers['location'] ?? '');
    const importId = /\/bill-imports\/([0-9a-f-]{36})$/.exec(location)?.[1];
    if (answer.statusCode !== 202 || !importId) {
      const text = await answer.body.text();
      response.status(422).send(await this.form(context, merchantId, apiErrorMessage(text ? JSON.parse(text) : undefined)));
      return;
    }
    // The final answer arrives when billing has read the whole file; the progress page polls meanwhile.
    answer.body.text().catch(() => undefined);
    response.redirect(303, `${context.base}/uploads/bill-imports/${importId}?lines=${countCsvLines(file)}`);
  }

  /**
   * A recurring charge file, sent to the engine under a file id the console chooses: the engine answers once the
   * file is merged (counts, line errors in its report). A small file's answer (or a refusal: deadline passed, bad
   * header) is waited for; a large one goes on while the person follows it on the file's page, which polls the
   * engine's lines read so far. The deadline is checked by the engine (422 once it has passed).
   */
  @Post('recurring')
  @RequiresAction('recurring.upload')
  async uploadRecurring(@Query() query: UploadRequestQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const merchantId = signedInUser(request).merchantId;
    const context = this.pages.context(request, response);
    const file = await this.readFile(request, context);
    if (typeof file === 'string') return void response.status(422).send(await this.form(context, merchantId, file));
    const name = ((request as Request & { file?: { originalname?: string } }).file?.originalname ?? 'upload.csv').replace(/[/\\\p{Cc}]/gu, '_').slice(0, 200);
    const fileId = randomUUID();
    // the form sends its cycle as a multipart field, read with the file
    const chosen = (request.body as { cycle?: unknown } | undefined)?.cycle ?? query.cycle;
    const cycle = typeof chosen === 'string' && CYCLE.test(chosen) ? `&cycle=${chosen}` : '';
    const sending = this.apis.recurring
      .upload(`/recurring/files?encoding=${query.encoding ?? 'auto'}&name=${encodeURIComponent(name)}&fileId=${fileId}${cycle}`, merchantId, file, 'text/csv')
      .then(async (answer) => {
        const text = await answer.body.text();
        return { status: answer.statusCode, body: (text ? JSON.parse(text) : {}) as { id?: string } };
      });
    const answer = await Promise.race([sending, sleep(RECURRING_ANSWER_WAIT_MS).then(() => null)]);
    if (answer === null) {
      sending.catch((error: Error) => this.logger.warn(`recurring file ${fileId} of ${merchantId}: ${error.message}`));
      return void response.redirect(303, `${context.base}/uploads/recurring-files/${fileId}`);
    }
    if ((answer.status !== 201 && answer.status !== 200) || !answer.body.id) return void response.status(422).send(await this.form(context, merchantId, apiErrorMessage(answer.body)));
    response.redirect(303, `${context.base}/uploads/recurring-files/${answer.body.id}`);
  }

  @Get('recurring-files/:fileId')
  @RequiresAction('view')
  async recurringFile(@Param('fileId', new ParseUUIDPipe()) fileId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const context = this.pages.context(request, response);
    const answer = await this.apis.recurring.json<Record<string, unknown>>('GET', `/recurring/files/${fileId}`, signedInUser(request).merchantId);
    if (answer.status !== 200) throw new ConsoleException('CONSOLE_USER_INVALID', apiErrorMessage(answer.body));
    response.send(
      this.pages.render(context, 'recurring-file', {
        title: context.t.uploadRecurring,
        nav: 'upload',
        file: answer.body,
        errorsUrl: `${context.base}/uploads/recurring-files/${fileId}/errors.csv`,
        progressUrl: `${context.base}/uploads/recurring-files/${fileId}/progress`,
      }),
    );
  }

  /** What the recurring file's page polls while the engine receives the file. */
  @Get('recurring-files/:fileId/progress')
  @RequiresAction('view')
  async recurringProgress(@Param('fileId', new ParseUUIDPipe()) fileId: string, @Req() request: Request): Promise<Record<string, unknown>> {
    const answer = await this.apis.recurring.json<Record<string, unknown>>('GET', `/recurring/files/${fileId}`, signedInUser(request).merchantId);
    if (answer.status !== 200) throw new ConsoleException('CONSOLE_USER_INVALID', apiErrorMessage(answer.body));
    const { status, linesRead, accepted, rejected, error } = answer.body;
    return { status, linesRead, accepted, rejected, error };
  }

  @Get('recurring-files/:fileId/errors.csv')
  @RequiresAction('view')
  async recurringErrors(@Param('fileId', new ParseUUIDPipe()) fileId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await relayDownload(this.apis.recurring, `/recurring/files/${fileId}/errors.csv`, signedInUser(request).merchantId, response, `recurring-file-${fileId}-errors.csv`);
  }

  @Get('bill-imports/:importId')
  @RequiresAction('view')
  async progressPage(@Param('importId', new ParseUUIDPipe()) importId: string, @Query() query: ImportPageQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const context = this.pages.context(request, response);
    const found = await this.importOf(signedInUser(request).merchantId, importId);
    response.send(
      this.pages.render(context, 'bill-import', {
        title: context.t.importTitle,
        nav: 'upload',
        billImport: found,
        lines: query.lines ?? null,
        progressUrl: `${context.base}/uploads/bill-imports/${importId}/progress`,
        errorsUrl: `${context.base}/uploads/bill-imports/${importId}/errors.csv`,
      }),
    );
  }

  /** What the progress page polls. */
  @Get('bill-imports/:importId/progress')
  @RequiresAction('view')
  async progress(@Param('importId', new ParseUUIDPipe()) importId: string, @Req() request: Request): Promise<BillImportView> {
    return this.importOf(signedInUser(request).merchantId, importId);
  }

  @Get('bill-imports/:importId/errors.csv')
  @RequiresAction('view')
  async errors(@Param('importId', new ParseUUIDPipe()) importId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await relayDownload(this.apis.billing, `/bill-imports/${importId}/errors.csv`, signedInUser(request).merchantId, response, `bill-import-${importId}-errors.csv`);
  }

  private async importOf(merchantId: string, importId: string): Promise<BillImportView> {
    const answer = await this.apis.billing.json<BillImportView>('GET', `/bill-imports/${importId}`, merchantId);
    if (answer.status !== 200) throw new ConsoleException('CONSOLE_USER_INVALID', apiErrorMessage(answer.body));
    return answer.body;
  }

  private readFile(request: Request, context: ConsolePageContext): Promise<Buffer | string> {
    return new Promise((resolve) =>
      this.multipart(request, request.res as Response, (error: unknown) => {
        if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') return resolve(context.fill(context.t.fileTooLarge, { mb: Math.round(this.options.uploadMaxBytes / 1048576) }));
        if (error) return resolve((error as Error).message);
        const file = (request as Request & { file?: { buffer: Buffer } }).file;
        resolve(file && file.buffer.length > 0 ? file.buffer : context.t.noFile);
      }),
    );
  }

  private async form(context: ConsolePageContext, merchantId: string, error: string | null): Promise<string> {
    const shop = await shopOfMerchant(this.apis, merchantId, this.clock.now());
    return this.pages.render(context, 'uploads', {
      title: context.t.uploadTitle,
      nav: 'upload',
      error,
      shop,
      // the current cycle (until its deadline) and the next one
      uploadCycles: shop.kind === 'found' ? [shop.shop.currentCycle.cycle, nextCycle(shop.shop.currentCycle.cycle)] : [],
      billsAction: `${context.base}/uploads/bills?_csrf=${encodeURIComponent(context.csrfToken)}`,
      recurringAction: `${context.base}/uploads/recurring?_csrf=${encodeURIComponent(context.csrfToken)}`,
    });
  }
}

function nextCycle(cycle: string): string {
  const [year, month] = cycle.split('-').map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}
