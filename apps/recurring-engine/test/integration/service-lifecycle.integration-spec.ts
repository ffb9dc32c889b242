import { describeServiceLifecycle } from '@kessai/shared-testing';

describeServiceLifecycle({ app: 'recurring-engine', schema: 'recurring', readinessChecks: ['database', 'kafka'] });
