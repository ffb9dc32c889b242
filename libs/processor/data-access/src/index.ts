import { AuthorizationEntity, RefundEntity, SaleEntity } from './lib/authorization.entity';
import { CardEntity, CardTokenEntity } from './lib/card.entity';
import { CreateProcessorSchema1763780000000 } from './lib/migrations/1763780000000-create-processor-schema';
import { CreateProcessorTables1764900000000 } from './lib/migrations/1764900000000-create-processor-tables';
import { AddFileIdempotency1765200000000 } from './lib/migrations/1765200000000-add-file-idempotency';
import { KonbiniPaymentEntity, PendingWebhookEntity, ProcessorFileEntity, WalletPaymentEntity } from './lib/payment-method.entity';

export { AuthorizationEntity, RefundEntity, SaleEntity } from './lib/authorization.entity';
export { CardEntity, CardTokenEntity } from './lib/card.entity';
export { KonbiniPaymentEntity, PendingWebhookEntity, ProcessorFileEntity, WalletPaymentEntity } from './lib/payment-method.entity';
export { WebhookOutbox } from './lib/webhook-outbox';
export { CardRepository, type CardSnapshot } from './lib/card.repository';
export { AuthorizationRepository, idempotencyKeyOf } from './lib/authorization.repository';
export { KonbiniPaymentRepository } from './lib/konbini-payment.repository';
export { WalletPaymentRepository } from './lib/wallet-payment.repository';

export const PROCESSOR_ENTITIES = [
  CardTokenEntity,
  CardEntity,
  AuthorizationEntity,
  SaleEntity,
  RefundEntity,
  ProcessorFileEntity,
  KonbiniPaymentEntity,
  WalletPaymentEntity,
  PendingWebhookEntity,
];
/** In order of application. */
export const PROCESSOR_MIGRATIONS = [CreateProcessorSchema1763780000000, CreateProcessorTables1764900000000, AddFileIdempotency1765200000000];
export { ProcessorDataAccessModule } from './lib/processor-data-access.module';
