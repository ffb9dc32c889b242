import { Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConsoleException } from '@kessai/console-domain';
import { ConsoleController, RequiresAction, signedInUser } from '@kessai/console-feature-sign-in';
import { KessaiApis } from '../clients/kessai-apis';
import { ApiNotAvailable } from '../clients/service-api.client';
import { ScreenPages } from '../web/screen-pages';

interface RuleView {
  id: string;
  outcome: string;
  description?: string;
}

interface DecisionView {
  decisionId: string;
  paymentRef: string;
  outcome: string;
  decidedAt: string;
  reasons: { ruleId: string; outcome?: string }[];
}

/**
 * Screening, read-only: the rules that apply to the merchant and its recent decisions with reasons, through
 * credit-screening's merchant-scoped API. Each panel says so clearly while that API is not there yet.
 */
@ConsoleController('screening')
export class ScreeningHttpController {
  constructor(
    private readonly apis: KessaiApis,
    private readonly pages: ScreenPages,
  ) {}

  @Get()
  @RequiresAction('view')
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    const merchantId = signedInUser(request).merchantId;
    const context = this.pages.context(request, response);
    const rules = await this.tryRead<{ rules: RuleView[] }>('/merchant-rules', merchantId);
    const decisions = await this.tryRead<{ items: DecisionView[] }>('/decisions?limit=50', merchantId);
    response.send(this.pages.render(context, 'screening', { title: context.t.screeningTitle, nav: 'screening', rules, decisions }));
  }

  private async tryRead<T>(path: string, merchantId: string): Promise<{ kind: 'ok'; body: T } | { kind: 'not-available'; api: string } | { kind: 'unreachable' }> {
    try {
      const answer = await this.apis.screening.json<T>('GET', path, merchantId);
      return answer.status === 200 ? { kind: 'ok', body: answer.body } : { kind: 'not-available', api: `GET ${path.split('?')[0]}` };
    } catch (error) {
      if (error instanceof ApiNotAvailable) return { kind: 'not-available', api: error.api };
      if (error instanceof ConsoleException) return { kind: 'unreachable' };
      throw error;
    }
  }
}
