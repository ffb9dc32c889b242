import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { billTimeline, ConsoleException } from '@kessai/console-domain';
import { ConsoleController, RequiresAction, signedInUser } from '@kessai/console-feature-sign-in';
import { BillView, Page, WebhookDeliveryView } from '../clients/api-shapes';
import { KessaiApis } from '../clients/kessai-apis';
import { apiErrorMessage } from '../clients/service-api.client';
import { relayDownload } from '../web/relay-download';
import { ScreenPages } from '../web/screen-pages';
import { BILL_STATUSES, billQuery, BillSearchRequestDto, ConsoleFormDto, ConsolePageQueryDto } from './bills.request.dto';

/** Bills: search and filter, one bill with its whole history, cancel, resend the SMS, the result download. */
@ConsoleController('bills')
export class BillsHttpController {
  constructor(
    private readonly apis: KessaiApis,
    private readonly pages: ScreenPages,
  ) {}

  @Get()
  @RequiresAction('view')
  async list(@Query() search: BillSearchRequestDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const merchantId = signedInUser(request).merchantId;
    const context = this.pages.context(request, response);
    const answer = await this.apis.billing.json<Page<BillView>>('GET', `/bills?${billQuery(search, { limit: '50' })}`, merchantId);
    const error = answer.status === 200 ? null : apiErrorMessage(answer.body);
    response.status(answer.status === 200 ? 200 : 422).send(
      this.pages.render(context, 'bills', {
        title: context.t.billsTitle,
        nav: 'bills',
        error,
        search,
        statuses: BILL_STATUSES,
        bills: answer.status === 200 ? answer.body.items : [],
        nextUrl: answer.status === 200 && answer.body.nextCursor ? `${context.base}/bills?${billQuery({ ...search, cursor: answer.body.nextCursor })}` : null,
        exportUrl: `${context.base}/bills/export.csv?${billQuery({ ...search, cursor: undefined })}`,
      }),
    );
  }

  /** The result file: every bill matching the filters, streamed from billing's export as CSV. */
  @Get('export.csv')
  @RequiresAction('view')
  async export(@Query() search: BillSearchRequestDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { merchantBillNumber: _ignored, cursor: _cursor, ...filters } = search;
    await relayDownload(this.apis.billing, `/bill-exports/bills.csv?${billQuery(filters)}`, signedInUser(request).merchantId, response, 'bills.csv');
  }

  @Get(':billId')
  @RequiresAction('view')
  async show(@Param('billId', new ParseUUIDPipe()) billId: string, @Query() query: ConsolePageQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const merchantId = signedInUser(request).merchantId;
    const context = this.pages.context(request, response);
    const [bill, deliveries] = await Promise.all([
      this.apis.billing.json<BillView>('GET', `/bills/${billId}`, merchantId),
      this.apis.billing.json<Page<WebhookDeliveryView>>('GET', `/webhook-deliveries?billId=${billId}&limit=100`, merchantId),
    ]);
    if (bill.status === 404) throw new ConsoleException('CONSOLE_USER_INVALID', apiErrorMessage(bill.body));
    const webhooks = deliveries.status === 200 ? deliveries.body.items : [];
    const notice = query.done === 'canceled' ? context.t.billCanceled : query.done === 'resent' ? context.t.smsResent : null;
    response.send(
      this.pages.render(context, 'bill', {
        title: context.fill(context.t.billTitle, { number: bill.body.merchantBillNumber }),
        nav: 'bills',
        notice,
        error: typeof request.query['error'] === 'string' ? request.query['error'] : null,
        bill: bill.body,
        timeline: billTimeline(bill.body, webhooks),
        deliveries: webhooks,
        closed: ['paid', 'expired', 'canceled', 'failed'].includes(bill.body.status),
      }),
    );
  }

  @Post(':billId/cancel')
  @RequiresAction('bills.cancel')
  async cancel(@Param('billId', new ParseUUIDPipe()) billId: string, @Body() _form: ConsoleFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const user = signedInUser(request);
    const answer = await this.apis.billing.json('POST', `/bills/${billId}/cancel`, user.merchantId, { reason: `canceled in the console by ${user.email}` });
    this.back(response, billId, answer.status < 300 ? 'done=canceled' : `error=${encodeURIComponent(apiErrorMessage(answer.body))}`);
  }

  @Post(':billId/resend')
  @RequiresAction('bills.resend')
  async resend(@Param('billId', new ParseUUIDPipe()) billId: string, @Body() _form: ConsoleFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const answer = await this.apis.billing.json('POST', `/bills/${billId}/resend-sms`, signedInUser(request).merchantId, {});
    this.back(response, billId, answer.status < 300 ? 'done=resent' : `error=${encodeURIComponent(apiErrorMessage(answer.body))}`);
  }

  private back(response: Response, billId: string, query: string): void {
    response.redirect(303, `/console/bills/${billId}?${query}`);
  }
}
