import { runService } from '@kessai/shared-service-runtime';
import { processorSimService } from './app.module';

void runService(processorSimService);
