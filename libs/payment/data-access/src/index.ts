import { CreatePaymentSchema1763780000000 } from './lib/migrations/1763780000000-create-payment-schema';
import { PaymentPageEntity } from './lib/payment-page.entity';

export { PaymentPageEntity } from './lib/payment-page.entity';

export const PAYMENT_ENTITIES = [PaymentPageEntity];
/** In order of application. */
export const PAYMENT_MIGRATIONS = [CreatePaymentSchema1763780000000];
