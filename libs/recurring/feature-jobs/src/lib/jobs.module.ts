import { DynamicModule, Module } from '@nestjs/common';
import { ShopWorkRequestedV1 } from '@kessai/recurring-contracts';
import { ChargeRepository, JobRepository, JobScheduleRepository, ShopRepository } from '@kessai/recurring-data-access';
import { ConsumerRegistration, defineConsumer } from '@kessai/shared-messaging';
import { StartJobExecutionHandler } from './commands/start-job-execution/start-job-execution.handler';
import { StartJobExecutionHttpController } from './commands/start-job-execution/start-job-execution.http.controller';
import { RerunShopHandler } from './commands/rerun-shop/rerun-shop.handler';
import { RerunShopHttpController } from './commands/rerun-shop/rerun-shop.http.controller';
import { LaunchScheduledJobsJob } from './schedule/launch-scheduled-jobs.job';
import { RunShopWorkWhenRequestedHandler } from './events/run-shop-work-when-requested.handler';
import { AuthorizeChargesJob } from './jobs/authorize-charges.job';
import { GenerateChargesJob } from './jobs/generate-charges.job';
import { ProcessorAuthorizationsClient } from './processor/processor-authorizations.client';
import { JobRegistry } from './jobs/job-registry';
import { JOBS_OPTIONS, JobsOptions } from './jobs.options';
import { GetJobExecutionHttpController } from './queries/get-job-execution/get-job-execution.http.controller';
import { ListJobExecutionsHttpController } from './queries/list-job-executions/list-job-executions.http.controller';

/** The work topic's consumer group: each engine instance takes some of the shops. */
export const JOBS_CONSUMERS: ConsumerRegistration[] = [
  defineConsumer({ name: 'recurring-engine.run-shop-work-when-requested', event: ShopWorkRequestedV1, handler: RunShopWorkWhenRequestedHandler, work: true }),
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
        JobRegistry,
        StartJobExecutionHandler,
        RerunShopHandler,
        LaunchScheduledJobsJob,
        RunShopWorkWhenRequestedHandler,
      ],
    };
  }
}
