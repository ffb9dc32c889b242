export { JobsModule, JOBS_CONSUMERS } from './lib/jobs.module';
export { type JobsOptions } from './lib/jobs.options';
export { type JobSettings, parseJobSettings } from './lib/settings/job-settings';
export { type JobScheduleEntry, parseJobSchedule } from './lib/schedule/job-schedule';
