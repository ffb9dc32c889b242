import { ApiKeyEntity } from './lib/api-key.entity';
import { MerchantLimitsEntity } from './lib/merchant-limits.entity';
import { CreateThrottleSchema1763780000000 } from './lib/migrations/1763780000000-create-throttle-schema';
import { CreateApiKeysAndMerchantLimits1764000000000 } from './lib/migrations/1764000000000-create-api-keys-and-merchant-limits';

export { ApiKeyEntity } from './lib/api-key.entity';
export { MerchantLimitsEntity } from './lib/merchant-limits.entity';
export { ApiKeyRepository } from './lib/api-key.repository';
export { MerchantLimitsRepository } from './lib/merchant-limits.repository';

export const THROTTLE_ENTITIES = [ApiKeyEntity, MerchantLimitsEntity];
/** In order of application. */
export const THROTTLE_MIGRATIONS = [CreateThrottleSchema1763780000000, CreateApiKeysAndMerchantLimits1764000000000];
