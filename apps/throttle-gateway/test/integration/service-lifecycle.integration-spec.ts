import { describeServiceLifecycle } from '@kessai/shared-testing';

describeServiceLifecycle({ app: 'throttle-gateway', schema: 'throttle', readinessChecks: ['database', 'redis'] });
