import { describeServiceLifecycle } from '@kessai/shared-testing';

describeServiceLifecycle({ app: 'billing-requests', schema: 'billing', readinessChecks: ['database', 'kafka'] });
