import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { JobRepository } from '@kessai/recurring-data-access';
import { RecurringException } from '@kessai/recurring-domain';
import { Clock } from '@kessai/shared-clock';
import { JobExecutionResponse, toJobExecutionResponse } from '../../http/job-execution.response';

@Controller('jobs')
export class GetJobExecutionHttpController {
  constructor(
    private readonly jobs: JobRepository,
    private readonly clock: Clock,
  ) {}

  /** Status and progress (done/total, rate, ETA) of one execution, shop by shop. */
  @Get(':name/executions/:executionId')
  async get(@Param('name') name: string, @Param('executionId', new ParseUUIDPipe()) executionId: string): Promise<JobExecutionResponse> {
    const execution = await this.jobs.findExecution(executionId);
    if (!execution || execution.jobName !== name) {
      throw new RecurringException('RECURRING_JOB_EXECUTION_NOT_FOUND', `Job ${name} has no execution ${executionId}`);
    }
    return toJobExecutionResponse(execution, this.clock.now(), await this.jobs.partitions(executionId));
  }
}
