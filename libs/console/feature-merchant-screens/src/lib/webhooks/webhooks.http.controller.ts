import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { IsIn, IsOptional, IsString, IsUrl, Length } from 'class-validator';
import { ConsoleController, ConsolePageContext, RequiresAction, signedInUser } from '@kessai/console-feature-sign-in';
import { Page, WebhookDeliveryView } from '../clients/api-shapes';
import { KessaiApis } from '../clients/kessai-apis';
import { apiErrorMessage } from '../clients/service-api.client';
import { ConsoleFormDto } from '../bills/bills.request.dto';
import { ScreenPages } from '../web/screen-pages';

export class WebhookEndpointFormDto {
  @IsOptional()
  @IsString()
  _csrf?: string;

  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['https', 'http'] }, { message: 'url must be an https:// address' })
  url: string;
}

export class DeliveryLogQueryDto {
  @IsOptional()
  @IsIn(['', 'pending', 'delivered', 'failed'])
  status?: string;

  @IsOptional()
  @IsString()
  @Length(0, 200)
  cursor?: string;

  @IsOptional()
  @IsIn(['ja', 'en'])
  lang?: string;

  @IsOptional()
  @IsIn(['saved', 'replayed'])
  done?: string;
}

/** Webhooks: the endpoint (its signing secret shown once, when made), the delivery log with answers, replay. */
@ConsoleController('webhooks')
export class WebhooksHttpController {
  constructor(
    private readonly apis: KessaiApis,
    private readonly pages: ScreenPages,
  ) {}

  @Get()
  @RequiresAction('view')
  async show(@Query() query: DeliveryLogQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const context = this.pages.context(request, response);
    const notice = query.done === 'saved' ? context.t.endpointSaved : query.done === 'replayed' ? context.t.replayed : null;
    response.send(await this.page(context, signedInUser(request).merchantId, query, { notice }));
  }

  @Post('endpoint')
  @RequiresAction('webhooks.configure')
  async save(@Body() form: WebhookEndpointFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const merchantId = signedInUser(request).merchantId;
    const answer = await this.apis.billing.json<{ url: string; secret?: string }>('PUT', '/webhook-endpoint', merchantId, { url: form.url });
    const context = this.pages.context(request, response);
    if (answer.status !== 200) return void response.status(422).send(await this.page(context, merchantId, {}, { error: apiErrorMessage(answer.body) }));
    // A first endpoint comes with its signing secret, in this answer only.
    if (answer.body.secret) return void response.status(200).send(await this.page(context, merchantId, {}, { notice: context.t.endpointSaved, secret: answer.body.secret }));
    response.redirect(303, `${context.base}/webhooks?done=saved`);
  }

  @Post('deliveries/:deliveryId/replay')
  @RequiresAction('webhooks.replay')
  async replay(@Param('deliveryId', new ParseUUIDPipe()) deliveryId: string, @Body() _form: ConsoleFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const merchantId = signedInUser(request).merchantId;
    const answer = await this.apis.billing.json('POST', `/webhook-deliveries/${deliveryId}/replay`, merchantId, {});
    const context = this.pages.context(request, response);
    if (answer.status !== 202) return void response.status(422).send(await this.page(context, merchantId, {}, { error: apiErrorMessage(answer.body) }));
    response.redirect(303, `${context.base}/webhooks?done=replayed`);
  }

  private async page(context: ConsolePageContext, merchantId: string, query: DeliveryLogQueryDto, extra: { notice?: string | null; error?: string; secret?: string }): Promise<string> {
    const search = new URLSearchParams({ limit: '50' });
    if (query.status) search.set('status', query.status);
    if (query.cursor) search.set('cursor', query.cursor);
    const [endpoint, deliveries] = await Promise.all([
      this.apis.billing.json<{ url: string; updatedAt: string }>('GET', '/webhook-endpoint', merchantId),
      this.apis.billing.json<Page<WebhookDeliveryView>>('GET', `/webhook-deliveries?${search.toString()}`, merchantId),
    ]);
    const next = deliveries.status === 200 && deliveries.body.nextCursor ? new URLSearchParams({ ...(query.status && { status: query.status }), cursor: deliveries.body.nextCursor }) : null;
    return this.pages.render(context, 'webhooks', {
      title: context.t.webhooksTitle,
      nav: 'webhooks',
      notice: extra.notice ?? null,
      error: extra.error ?? null,
      secret: extra.secret ?? null,
      endpoint: endpoint.status === 200 ? endpoint.body : null,
      deliveries: deliveries.status === 200 ? deliveries.body.items : [],
      status: query.status ?? '',
      nextUrl: next ? `${context.base}/webhooks?${next.toString()}` : null,
    });
  }
}
