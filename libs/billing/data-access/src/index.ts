import { BillEntity } from './lib/bill.entity';
import { CreateBillingSchema1763780000000 } from './lib/migrations/1763780000000-create-billing-schema';

export { BillEntity } from './lib/bill.entity';
export { BillRepository } from './lib/bill.repository';
export { BillMapper } from './lib/bill.mapper';

export const BILLING_ENTITIES = [BillEntity];
/** In order of application. */
export const BILLING_MIGRATIONS = [CreateBillingSchema1763780000000];
