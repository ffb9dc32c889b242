import { BillEntity } from './lib/bill.entity';
import { DevSmsInboxEntity } from './lib/dev-sms-inbox.entity';
import { IdempotencyKeyEntity } from './lib/idempotency-key.entity';
import { CreateBillingSchema1763780000000 } from './lib/migrations/1763780000000-create-billing-schema';
import { DigitalBilling1763800000000 } from './lib/migrations/1763800000000-digital-billing';
import { PaymentAttemptEntity } from './lib/payment-attempt.entity';
import { SmsMessageEntity } from './lib/sms-message.entity';
import { MerchantWebhooks1763800000001 } from './lib/migrations/1763800000001-merchant-webhooks';
import { BillImports1763800000002 } from './lib/migrations/1763800000002-bill-imports';
import { BillImportEntity } from './lib/bill-import.entity';
import { CustomerMandates1764600000000 } from './lib/migrations/1764600000000-customer-mandates';
import { RevokedMandates1765700000000 } from './lib/migrations/1765700000000-revoked-mandates';
import { SmsSendRate1765700000001 } from './lib/migrations/1765700000001-sms-send-rate';
import { WebhookAttemptEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from './lib/webhook.entities';

export { BillEntity } from './lib/bill.entity';
export { BillRepository, type BillFilter } from './lib/bill.repository';
export { BillMapper } from './lib/bill.mapper';
export { IdempotencyKeyEntity } from './lib/idempotency-key.entity';
export { IdempotencyKeyRepository, type IdempotencyClaim } from './lib/idempotency-key.repository';
export { PaymentAttemptEntity } from './lib/payment-attempt.entity';
export { SmsMessageEntity, type SmsMessageKind, type SmsMessageStatus } from './lib/sms-message.entity';
export { SmsQueueRepository, type SmsWindowSettings } from './lib/sms-queue.repository';
export { SmsSendRateRepository } from './lib/sms-send-rate.repository';
export { DevSmsInboxEntity } from './lib/dev-sms-inbox.entity';

export { WebhookEndpointEntity, WebhookDeliveryEntity, WebhookAttemptEntity, type WebhookDeliveryStatus } from './lib/webhook.entities';
export { WebhookRepository } from './lib/webhook.repository';
export { BillImportEntity, type BillImportStatus } from './lib/bill-import.entity';
export { BillImportRepository, type BillImportProblem, type StagedImportBill } from './lib/bill-import.repository';
export { CustomerMandateRepository } from './lib/customer-mandate.repository';

export const BILLING_ENTITIES = [
  BillEntity,
  IdempotencyKeyEntity,
  PaymentAttemptEntity,
  SmsMessageEntity,
  DevSmsInboxEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
  BillImportEntity,
];
/** In order of application. */
export const BILLING_MIGRATIONS = [
  CreateBillingSchema1763780000000, DigitalBilling1763800000000, MerchantWebhooks1763800000001, BillImports1763800000002,
  CustomerMandates1764600000000, RevokedMandates1765700000000, SmsSendRate1765700000001,
];
