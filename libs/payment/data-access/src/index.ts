import { MerchantBrandingEntity } from './lib/merchant-branding.entity';
import { CreatePaymentSchema1763780000000 } from './lib/migrations/1763780000000-create-payment-schema';
import { PaymentLinksAttemptsBranding1763790000000 } from './lib/migrations/1763790000000-payment-links-attempts-branding';
import { MerchantScreeningEntity } from './lib/merchant-screening.entity';
import { AddMerchantScreening1764600000000 } from './lib/migrations/1764600000000-add-merchant-screening';
import { PaymentAttemptEntity } from './lib/payment-attempt.entity';
import { PaymentPageEntity } from './lib/payment-page.entity';
import { ProcessorWebhookEntity } from './lib/processor-webhook.entity';

export { PaymentPageEntity } from './lib/payment-page.entity';
export { PaymentAttemptEntity, type PaymentAttemptMethod, type PaymentAttemptStatus } from './lib/payment-attempt.entity';
export { MerchantBrandingEntity } from './lib/merchant-branding.entity';
export { ProcessorWebhookEntity } from './lib/processor-webhook.entity';
export { MerchantScreeningEntity } from './lib/merchant-screening.entity';

export const PAYMENT_ENTITIES = [PaymentPageEntity, PaymentAttemptEntity, MerchantBrandingEntity, ProcessorWebhookEntity, MerchantScreeningEntity];
/** In order of application. */
export const PAYMENT_MIGRATIONS = [CreatePaymentSchema1763780000000, PaymentLinksAttemptsBranding1763790000000, AddMerchantScreening1764600000000];
