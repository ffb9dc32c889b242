import { runService } from '@kessai/shared-service-runtime';
import { merchantConsoleService } from './app.module';

void runService(merchantConsoleService);
