import { describeServiceLifecycle } from '@kessai/shared-testing';

describeServiceLifecycle({ app: 'processor-sim', schema: 'processor', readinessChecks: ['database'] });
