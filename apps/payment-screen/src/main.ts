import { runService } from '@kessai/shared-service-runtime';
import { paymentScreenService } from './app.module';

void runService(paymentScreenService);
