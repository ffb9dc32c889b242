export { JobsModule, JOBS_CONSUMERS } from './lib/jobs.module';
export { type JobsOptions } from './lib/jobs.options';
export { StartJobExecutionHandler } from './lib/commands/start-job-execution/start-job-execution.handler';
export { StartJobExecutionCommand } from './lib/commands/start-job-execution/start-job-execution.command';
