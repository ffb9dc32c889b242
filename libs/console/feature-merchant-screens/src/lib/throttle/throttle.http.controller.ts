import { Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConsoleController, RequiresAction, signedInUser } from '@kessai/console-feature-sign-in';
import { KessaiApis } from '../clients/kessai-apis';
import { apiErrorMessage, ApiNotAvailable } from '../clients/service-api.client';
import { ScreenPages } from '../web/screen-pages';

interface LimitPolicyView {
  ratePerSecond: number;
  burstMultiple: number;
  concurrency: number;
  reservedShare: number;
  shadow: boolean;
}

interface ScopeUsageView {
  inFlight: number;
  concurrency: number;
  concurrencyUsage: number;
  ratePerSecond: number;
  rateUsage: number;
}

/** The merchant's flow-control limits and their current use across the gateway instances (the gateway's admin API). */
@ConsoleController('throttle')
export class ThrottleHttpController {
  constructor(
    private readonly apis: KessaiApis,
    private readonly pages: ScreenPages,
  ) {}

  @Get()
  @RequiresAction('view')
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    const merchantId = encodeURIComponent(signedInUser(request).merchantId);
    const context = this.pages.context(request, response);
    const limits = await this.apis.gatewayAdmin.json<{ merchant: LimitPolicyView; paymentMethods: Record<string, LimitPolicyView> }>('GET', `/admin/merchants/${merchantId}/limits`, null);
    let usage: [string, ScopeUsageView][] | null = null;
    let usageApi: string | null = null;
    try {
      const answer = await this.apis.gatewayAdmin.json<{ merchant: ScopeUsageView; paymentMethods: Record<string, ScopeUsageView> }>('GET', `/admin/merchants/${merchantId}/limits/usage`, null);
      if (answer.status === 200) usage = [[context.t.limitsMerchant, answer.body.merchant], ...Object.entries(answer.body.paymentMethods)];
      else usageApi = `GET /admin/merchants/{merchantId}/limits/usage (${answer.status})`;
    } catch (error) {
      if (!(error instanceof ApiNotAvailable)) throw error;
      usageApi = error.api;
    }
    const rows = limits.status === 200 ? [[context.t.limitsMerchant, limits.body.merchant], ...Object.entries(limits.body.paymentMethods)] : [];
    response.send(
      this.pages.render(context, 'throttle', { title: context.t.throttleTitle, nav: 'throttle', error: limits.status === 200 ? null : apiErrorMessage(limits.body), rows, usage, usageApi }),
    );
  }
}
