import { runService } from '@kessai/shared-service-runtime';
import { throttleGatewayService } from './app.module';

void runService(throttleGatewayService);
