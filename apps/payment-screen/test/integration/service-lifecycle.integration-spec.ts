import { describeServiceLifecycle } from '@kessai/shared-testing';

describeServiceLifecycle({ app: 'payment-screen', schema: 'payment', readinessChecks: ['database', 'kafka', 'redis'] });
