import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ConsoleController, ConsolePageContext, RequiresAction, signedInUser } from '@kessai/console-feature-sign-in';
import { ApiKeyView } from '../clients/api-shapes';
import { KessaiApis } from '../clients/kessai-apis';
import { apiErrorMessage } from '../clients/service-api.client';
import { ScreenPages } from '../web/screen-pages';

export class CreateApiKeyFormDto {
  @IsOptional()
  @IsString()
  _csrf?: string;

  @IsIn(['test', 'live'])
  mode: 'test' | 'live';
}

export class RotateApiKeyFormDto {
  @IsOptional()
  @IsString()
  _csrf?: string;

  /** How long the old key keeps working, so the merchant can deploy the new one first (at most 7 days). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(7 * 86400)
  overlapSeconds: number;
}

export class RevokeApiKeyFormDto {
  @IsOptional()
  @IsString()
  _csrf?: string;
}

/**
 * API keys through the gateway's admin API, always for the signed-in merchant. A new key's secret is in the
 * response to the POST only: the page that shows it is that response (never a redirect that could be reloaded
 * or cached), and it is not kept anywhere by the console.
 */
@ConsoleController('api-keys')
export class ApiKeysHttpController {
  constructor(
    private readonly apis: KessaiApis,
    private readonly pages: ScreenPages,
  ) {}

  @Get()
  @RequiresAction('api-keys.manage')
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const context = this.pages.context(request, response);
    const notice = request.query['done'] === 'revoked' ? context.t.keyRevokedDone : null;
    response.send(await this.page(context, signedInUser(request).merchantId, { notice }));
  }

  @Post()
  @RequiresAction('api-keys.manage')
  async create(@Body() form: CreateApiKeyFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const merchantId = signedInUser(request).merchantId;
    const answer = await this.apis.gatewayAdmin.json<ApiKeyView>('POST', `/admin/merchants/${encodeURIComponent(merchantId)}/api-keys`, null, { mode: form.mode });
    const context = this.pages.context(request, response);
    if (answer.status !== 201) return void response.status(502).send(await this.page(context, merchantId, { error: apiErrorMessage(answer.body) }));
    response.status(201).send(await this.page(context, merchantId, { newKey: answer.body }));
  }

  @Post(':keyId/rotate')
  @RequiresAction('api-keys.manage')
  async rotate(@Param('keyId', new ParseUUIDPipe()) keyId: string, @Body() form: RotateApiKeyFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const merchantId = signedInUser(request).merchantId;
    const answer = await this.apis.gatewayAdmin.json<{ newKey: ApiKeyView; oldKey: ApiKeyView }>(
      'POST',
      `/admin/merchants/${encodeURIComponent(merchantId)}/api-keys/${keyId}/rotate`,
      null,
      { overlapSeconds: form.overlapSeconds },
    );
    const context = this.pages.context(request, response);
    if (answer.status !== 201) return void response.status(422).send(await this.page(context, merchantId, { error: apiErrorMessage(answer.body) }));
    response.status(201).send(await this.page(context, merchantId, { newKey: answer.body.newKey }));
  }

  @Post(':keyId/revoke')
  @RequiresAction('api-keys.manage')
  async revoke(@Param('keyId', new ParseUUIDPipe()) keyId: string, @Body() _form: RevokeApiKeyFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const merchantId = signedInUser(request).merchantId;
    const answer = await this.apis.gatewayAdmin.json('POST', `/admin/merchants/${encodeURIComponent(merchantId)}/api-keys/${keyId}/revoke`, null, {});
    const context = this.pages.context(request, response);
    if (answer.status !== 200) return void response.status(422).send(await this.page(context, merchantId, { error: apiErrorMessage(answer.body) }));
    response.redirect(303, `${context.base}/api-keys?done=revoked`);
  }

  private async page(context: ConsolePageContext, merchantId: string, extra: { newKey?: ApiKeyView; error?: string; notice?: string | null }): Promise<string> {
    const answer = await this.apis.gatewayAdmin.json<{ apiKeys: ApiKeyView[] }>('GET', `/admin/merchants/${encodeURIComponent(merchantId)}/api-keys`, null);
    const keys = answer.status === 200 ? answer.body.apiKeys : [];
    const now = Date.now();
    return this.pages.render(context, 'api-keys', {
      title: context.t.apiKeysTitle,
      nav: 'api-keys',
      error: extra.error ?? (answer.status === 200 ? null : apiErrorMessage(answer.body)),
      notice: extra.notice ?? null,
      newKey: extra.newKey ?? null,
      keys: keys.map((key) => ({ ...key, state: key.revokedAt ? 'revoked' : key.expiresAt && Date.parse(key.expiresAt) <= now ? 'revoked' : key.expiresAt ? 'expiring' : 'active' })),
    });
  }
}
