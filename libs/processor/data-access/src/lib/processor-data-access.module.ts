import { Global, Module } from '@nestjs/common';
import { AuthorizationRepository } from './authorization.repository';
import { CardRepository } from './card.repository';
import { WebhookOutbox } from './webhook-outbox';

/** Repositories shared by the processor's features (one card cache per process). */
@Global()
@Module({ providers: [CardRepository, AuthorizationRepository, WebhookOutbox], exports: [CardRepository, AuthorizationRepository, WebhookOutbox] })
export class ProcessorDataAccessModule {}
