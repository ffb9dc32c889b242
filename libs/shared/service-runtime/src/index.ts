export { PlatformModule, SERVICE_CONFIG, type PlatformOptions } from './lib/platform.module';
export { runService, createServiceApp, type ServiceDefinition, type FrontListener } from './lib/bootstrap';
export { type ApiErrorBody } from './lib/api-error';
export { ApiErrorFilter } from './lib/api-error.filter';
export { statusForCode } from './lib/error-status';
export { requestValidationPipe, validationFailure } from './lib/validation.pipe';
export { MerchantId, authenticatedMerchantOf, MERCHANT_UNAUTHENTICATED } from './lib/merchant-id.decorator';
export { readBody, sendJson, sendError, BodyTooLargeError, FrontAccessLog } from './lib/front-exchange';
