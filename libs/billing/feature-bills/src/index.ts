export { BillsModule, BILLING_CONSUMERS } from './lib/bills.module';
export { BILLING_OPTIONS, type BillingOptions } from './lib/billing.options';
export { BillEventsMapper } from './lib/http/bill-events.mapper';
export { ExpireBillsJob } from './lib/jobs/expire-bills.job';
export { SendRemindersJob } from './lib/jobs/send-reminders.job';
export { JobLoop } from './lib/jobs/job-loop';
