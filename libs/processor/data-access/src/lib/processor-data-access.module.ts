import { Global, Module } from '@nestjs/common';
import { AuthorizationRepository } from './authorization.repository';
import { CardRepository } from './card.repository';
import { KonbiniPaymentRepository } from './konbini-payment.repository';
import { WalletPaymentRepository } from './wallet-payment.repository';
import { WebhookOutbox } from './webhook-outbox';

const REPOSITORIES = [CardRepository, AuthorizationRepository, KonbiniPaymentRepository, WalletPaymentRepository, WebhookOutbox];

/** Repositories shared by the processor's features (one card cache per process). */
@Global()
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class ProcessorDataAccessModule {}
