import { runService } from '@kessai/shared-service-runtime';
import { creditScreeningService } from './app.module';

void runService(creditScreeningService);
