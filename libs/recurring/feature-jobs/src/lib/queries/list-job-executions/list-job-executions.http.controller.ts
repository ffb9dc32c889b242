import { Controller, DefaultValuePipe, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { JobRepository } from '@kessai/recurring-data-access';
import { Clock } from '@kessai/shared-clock';
import { JobExecutionResponse, toJobExecutionResponse } from '../../http/job-execution.response';
import { JobRegistry } from '../../jobs/job-registry';

@Controller('jobs')
export class ListJobExecutionsHttpController {
  constructor(
    private readonly registry: JobRegistry,
    private readonly jobs: JobRepository,
    private readonly clock: Clock,
  ) {}

  /** The history of a job, newest first. */
  @Get(':name/executions')
  async list(@Param('name') name: string, @Query('limit', new DefaultValuePipe(20), ParseIntPipe) limit: number): Promise<JobExecutionResponse[]> {
    this.registry.get(name);
    const executions = await this.jobs.history(name, Math.min(Math.max(limit, 1), 100));
    const now = this.clock.now();
    return executions.map((execution) => toJobExecutionResponse(execution, now));
  }
}
