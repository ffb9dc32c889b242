import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { StartJobExecutionCommand } from './start-job-execution.command';
import { StartJobExecutionHandler } from './start-job-execution.handler';
import { StartJobExecutionRequestDto } from './start-job-execution.request.dto';

@Controller('jobs')
export class StartJobExecutionHttpController {
  constructor(private readonly handler: StartJobExecutionHandler) {}

  /** Launches a job for the shops asked for (all by default); answers at once, the work runs on the work topic. */
  @Post(':name/executions')
  @HttpCode(HttpStatus.ACCEPTED)
  async start(@Param('name') name: string, @Body() body: StartJobExecutionRequestDto): Promise<{ executionId: string; shops: number }> {
    return this.handler.execute(
      new StartJobExecutionCommand(name, body.cycle, body.includeShops ?? null, body.excludeShops ?? null, body.dryRun ?? false),
    );
  }
}
