import { Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { BillStatisticsResponse } from '@kessai/billing-contracts';
import { ConsoleException, groupedBarChartSvg, horizontalBarChartSvg, progressBarSvg } from '@kessai/console-domain';
import { ConsoleController, RequiresAction, signedInUser } from '@kessai/console-feature-sign-in';
import { Clock } from '@kessai/shared-clock';
import { KessaiApis } from '../clients/kessai-apis';
import { apiErrorMessage, ApiNotAvailable } from '../clients/service-api.client';
import { cycleProgressOf, ShopJobProgress } from '../recurring/recurring.http.controller';
import { shopOfMerchant } from '../recurring/shop-deadline';
import { ScreenPages } from '../web/screen-pages';

const DAYS = 14;

/**
 * The dashboard: bills sent and paid per day, the payment-method mix, why payments failed and the recurring
 * cycle's progress, each as a server-drawn SVG with its figures in a table beside it.
 */
@ConsoleController('')
export class DashboardHttpController {
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
    const t = context.t;
    let stats: BillStatisticsResponse | null = null;
    let error: string | null = null;
    try {
      const answer = await this.apis.billing.json<BillStatisticsResponse>('GET', `/bill-statistics?days=${DAYS}`, merchantId);
      if (answer.status === 200) stats = answer.body;
      else error = apiErrorMessage(answer.body);
    } catch (failure) {
      if (!(failure instanceof ApiNotAvailable) && !(failure instanceof ConsoleException)) throw failure;
      error = failure instanceof ApiNotAvailable ? context.fill(t.apiNotAvailable, { api: failure.api }) : context.fill(t.upstreamUnavailable, { service: 'billing-requests' });
    }
    const shop = await shopOfMerchant(this.apis, merchantId, this.clock.now());
    const progress: ShopJobProgress[] = shop.kind === 'found' ? await cycleProgressOf(this.apis, merchantId).catch(() => []) : [];
    const charts = stats && {
      perDay: groupedBarChartSvg({
        id: 'chart-per-day',
        title: t.billsPerDay,
        description: context.fill(t.billsPerDayDesc, { days: DAYS }),
        categories: stats.days.map((d) => d.date.slice(5)),
        series: [
          { name: t.sentSeries, values: stats.days.map((d) => d.sent), color: '#0b6bcb' },
          { name: t.paidSeries, values: stats.days.map((d) => d.paid), color: '#16794c' },
        ],
      }),
      methods: horizontalBarChartSvg({ id: 'chart-methods', title: t.methodMix, description: t.methodMix, color: '#6d4bc3', bars: stats.paymentMethods.map((m) => ({ label: m.method, value: m.count })) }),
      declines: horizontalBarChartSvg({ id: 'chart-declines', title: t.declineReasons, description: t.declineReasons, color: '#b42318', bars: stats.declineReasons.map((r) => ({ label: r.reason, value: r.count })) }),
    };
    response.send(
      this.pages.render(context, 'dashboard', {
        title: t.dashboardTitle,
        nav: 'dashboard',
        error,
        stats,
        charts,
        shop,
        progress: progress.map((p) => ({ ...p, svg: progressBarSvg(`dash-${p.jobName}`, `${t.cycleProgress}: ${p.jobName} ${p.cycle}`, p.done, p.total) })),
      }),
    );
  }
}
