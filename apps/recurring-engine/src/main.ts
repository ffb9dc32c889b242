import { runService } from '@kessai/shared-service-runtime';
import { recurringEngineService } from './app.module';

void runService(recurringEngineService);
