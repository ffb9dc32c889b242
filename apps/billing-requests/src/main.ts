import { runService } from '@kessai/shared-service-runtime';
import { billingRequestsService } from './app.module';

void runService(billingRequestsService);
