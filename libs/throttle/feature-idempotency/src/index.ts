export { IdempotencyModule } from './lib/idempotency.module';
export { IdempotencyStore, type IdempotencyClaim, type IdempotencyOptions, type StoredResponse } from './lib/idempotency.store';
