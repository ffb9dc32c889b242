import { Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConsoleException, progressBarSvg } from '@kessai/console-domain';
import { ConsoleController, RequiresAction, signedInUser } from '@kessai/console-feature-sign-in';
import { Clock } from '@kessai/shared-clock';
import { KessaiApis } from '../clients/kessai-apis';
import { ApiNotAvailable } from '../clients/service-api.client';
import { relayDownload } from '../web/relay-download';
import { ScreenPages } from '../web/screen-pages';
import { shopOfMerchant } from './shop-deadline';

export interface ShopJobProgress {
  jobName: string;
  cycle: string;
  status: string;
  done: number;
  total: number;
  startedAt: string;
}

interface ExecutionView {
  executionId: string;
  jobName: string;
  cycle: string;
  status: string;
  startedAt: string;
  shops?: { shopId: string; status: string; done: number; total: number }[];
}

const JOBS = ['generate-charges', 'authorize-charges'];

/** The merchant's shop on the recurring engine: this cycle's jobs for the shop only, results, deadline. */
export async function cycleProgressOf(apis: KessaiApis, shopId: string): Promise<ShopJobProgress[]> {
  const progress: ShopJobProgress[] = [];
  for (const job of JOBS) {
    const list = await apis.recurring.json<{ items?: ExecutionView[] } | ExecutionView[]>('GET', `/jobs/${job}/executions?limit=10`, shopId);
    if (list.status !== 200) continue;
    const items = Array.isArray(list.body) ? list.body : (list.body.items ?? []);
    for (const execution of items) {
      const detail = await apis.recurring.json<ExecutionView>('GET', `/jobs/${job}/executions/${execution.executionId}`, shopId);
      const shop = detail.body.shops?.find((s) => s.shopId === shopId);
      if (detail.status === 200 && shop) {
        progress.push({ jobName: job, cycle: detail.body.cycle, status: shop.status, done: shop.done, total: shop.total, startedAt: detail.body.startedAt });
        break;
      }
    }
  }
  return progress;
}

@ConsoleController('recurring')
export class RecurringHttpController {
  constructor(
    private readonly apis: KessaiApis,
    private readonly pages: ScreenPages,
    private readonly clock: Clock,
  ) {}

  @Get()
  @RequiresAction('view')
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    const merchantId = signedInUser(request).merchantId;
    const context = this.pages.context(request, response);
    const shop = await shopOfMerchant(this.apis, merchantId, this.clock.now());
    const progress = shop.kind === 'found' ? await cycleProgressOf(this.apis, merchantId).catch(() => []) : [];
    const unavailable: string[] = [];
    const lists: Record<string, unknown[]> = { definitions: [], members: [], mandates: [], files: [] };
    for (const [key, path] of [
      ['definitions', '/recurring/definitions?limit=50'],
      ['members', '/recurring/members?limit=50'],
      ['mandates', '/recurring/mandates?limit=50'],
      ['files', '/recurring/files?limit=10'],
    ]) {
      try {
        const answer = await this.apis.recurring.json<Record<string, unknown[]>>('GET', path, merchantId);
        if (answer.status === 200) lists[key] = answer.body[key] ?? [];
      } catch (error) {
        if (error instanceof ApiNotAvailable) unavailable.push(error.api);
        else if (!(error instanceof ConsoleException)) throw error;
      }
    }
    const cycle = shop.kind === 'found' ? shop.shop.currentCycle.cycle : null;
    response.send(
      this.pages.render(context, 'recurring', {
        title: context.t.recurringTitle,
        nav: 'recurring',
        shop,
        progress: progress.map((p) => ({ ...p, svg: progressBarSvg(`progress-${p.jobName}`, `${p.jobName} ${p.cycle}`, p.done, p.total) })),
        unavailable,
        ...lists,
        cycles: cycle ? [cycle, previousCycle(cycle)] : [],
      }),
    );
  }

  @Get('cycles/:cycle/results.csv')
  @RequiresAction('view')
  async results(@Param('cycle') cycle: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(cycle)) throw new ConsoleException('CONSOLE_USER_INVALID', 'cycle must be YYYY-MM', 'cycle');
    const merchantId = signedInUser(request).merchantId;
    await relayDownload(this.apis.recurring, `/recurring/cycles/${cycle}/results.csv`, merchantId, response, `recurring-results-${cycle}.csv`);
  }
}

export function previousCycle(cycle: string): string {
  const [year, month] = cycle.split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
