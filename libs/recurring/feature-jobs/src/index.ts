export { JobsModule, JOBS_CONSUMERS } from './lib/jobs.module';
export { type JobsOptions } from './lib/jobs.options';
