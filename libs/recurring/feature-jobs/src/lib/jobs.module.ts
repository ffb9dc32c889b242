import { DynamicModule, Module } from '@nestjs/common';
import { ShopWorkRequestedV1, ShopWorkRequestedV2 } from '@kessai/recurring-contracts';
import {
  CaptureFileRepository,
  CardRefreshRepository,
  ChargeRepository,
  DunningRepository,
  JobRepository,
  JobScheduleRepository,
  MandateRepository,
  MerchantScreeningRepository,
  ShopRepository,
} from '@kessai/recurring-data-access';
import { Clock, OffsetClock } from '@kessai/shared-clock';
import { ConsumerRegistration, defineConsumer } from '@kessai/shared-messaging';
import { StartJobExecutionHandler } from './commands/start-job-execution/start-job-execution.handler';
import { StartJobExecutionHttpController } from './commands/start-job-execution/start-job-execution.http.controller';
import { RerunShopHandler } from './commands/rerun-shop/rerun-shop.handler';
import { RerunShopHttpController } from './commands/rerun-shop/rerun-shop.http.controller';
import { LaunchScheduledJobsJob } from './schedule/launch-scheduled-jobs.job';
import { MerchantScreeningChangedV1 } from '@kessai/screening-contracts';
import { ProjectMerchantScreeningWhenChangedHandler } from './events/project-merchant-screening-when-changed.handler';
import { RunShopWorkWhenRequestedHandler } from './events/run-shop-work-when-requested.handler';
import { AuthorizeChargesJob } from './jobs/authorize-charges.job';
import { GenerateChargesJob } from './jobs/generate-charges.job';
import { CaptureChargesJob } from './jobs/capture-charges.job';
import { RetryDeclinedChargesJob } from './jobs/retry-declined-charges.job';
import { RefreshCardsJob } from './jobs/refresh-cards.job';
import { ProcessorFilesClient } from './processor/processor-files.client';
import { ProcessorAuthorizationsClient } from './processor/processor-authorizations.client';
import { JobRegistry } from './jobs/job-registry';
import { ChargeScreening } from './screening/charge-screening';
import { JOBS_OPTIONS, JobsOptions } from './jobs.options';
import { GetJobExecutionHttpController } from './queries/get-job-execution/get-job-execution.http.controller';
import { ListJobExecutionsHttpController } from './queries/list-job-executions/list-job-executions.http.controller';

/** The work topic's consumer group: each engine instance takes some of the shops. */
export const JOBS_CONSUMERS: ConsumerRegistration[] = [
  defineConsumer({ name: 'recurring-engine.run-shop-work-when-requested', event: ShopWorkRequestedV1, handler: RunShopWorkWhenRequestedHandler, work: true }),
  // v2 (any job of the registry) is what launches publish; v1 is read for messages queued before the upgrade
  defineConsumer({ name: 'recurring-engine.run-shop-work-v2-when-requested', event: ShopWorkRequestedV2, handler: RunShopWorkWhenRequestedHandler, work: true }),
  defineConsumer({
    name: 'recurring-engine.project-merchant-screening-when-changed',
    event: MerchantScreeningChangedV1,
    handler: ProjectMerchantScreeningWhenChangedHandler,
  }),
];

@Module({})
export class JobsModule {
  static forService(options: JobsOptions): DynamicModule {
    return {
      module: JobsModule,
      // global: other recurring features launch jobs too (an immediate file starts its authorization)
      global: true,
      exports: [StartJobExecutionHandler],
      controllers: [StartJobExecutionHttpController, RerunShopHttpController, GetJobExecutionHttpController, ListJobExecutionsHttpController],
      providers: [
        { provide: JOBS_OPTIONS, useValue: options },
        ShopRepository,
        JobRepository,
        JobScheduleRepository,
        ChargeRepository,
        GenerateChargesJob,
        AuthorizeChargesJob,
        ProcessorAuthorizationsClient,
        MerchantScreeningRepository,
        ChargeScreening,
        ProjectMerchantScreeningWhenChangedHandler,
        CaptureFileRepository,
        DunningRepository,
        CardRefreshRepository,
        MandateRepository,
        CaptureChargesJob,
        RetryDeclinedChargesJob,
        RefreshCardsJob,
        ProcessorFilesClient,
        // tests only (the config refuses an offset outside NODE_ENV=test): the jobs live hours ahead
        ...(options.clockOffsetHours ? [{ provide: Clock, useValue: new OffsetClock(options.clockOffsetHours * 3_600_000) }] : []),
        JobRegistry,
        StartJobExecutionHandler,
        RerunShopHandler,
        LaunchScheduledJobsJob,
        RunShopWorkWhenRequestedHandler,
      ],
    };
  }
}
