import { describeServiceLifecycle } from '@kessai/shared-testing';

describeServiceLifecycle({ app: 'credit-screening', schema: 'screening', readinessChecks: ['database', 'kafka', 'redis'] });
