import { DynamicModule, Module } from '@nestjs/common';
import { GATEWAY_REDIS } from '@kessai/throttle-feature-flow-control';
import { IDEMPOTENCY_OPTIONS, IDEMPOTENCY_REDIS, IdempotencyOptions, IdempotencyStore } from './idempotency.store';

@Module({})
export class IdempotencyModule {
  /** Uses the gateway's fail-fast Redis client of the flow-control module. */
  static forRoot(options: IdempotencyOptions): DynamicModule {
    return {
      module: IdempotencyModule,
      global: true,
      providers: [
        { provide: IDEMPOTENCY_OPTIONS, useValue: options },
        { provide: IDEMPOTENCY_REDIS, useExisting: GATEWAY_REDIS },
        IdempotencyStore,
      ],
      exports: [IdempotencyStore],
    };
  }
}
