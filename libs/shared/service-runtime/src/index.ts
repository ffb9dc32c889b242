export { PlatformModule, SERVICE_CONFIG, type PlatformOptions } from './lib/platform.module';
export { runService, createServiceApp, type ServiceDefinition, type FrontListener } from './lib/bootstrap';
export { type ApiErrorBody } from './lib/api-error';
export { ApiErrorFilter } from './lib/api-error.filter';
export { statusForCode } from './lib/error-status';
export { requestValidationPipe } from './lib/validation.pipe';
export { MerchantId } from './lib/merchant-id.decorator';
