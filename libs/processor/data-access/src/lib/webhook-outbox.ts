import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProcessorWebhook, ProcessorWebhookType } from '@kessai/processor-contracts';
import { newId } from '@kessai/shared-ids';
import { PendingWebhookEntity } from './payment-method.entity';

/**
 * Queues a webhook in the same transaction as the state change it reports, so a result is never lost and
 * never announced without having happened. The sender loop (feature-notifications) delivers it.
 */
@Injectable()
export class WebhookOutbox {
  async add(transaction: EntityManager, type: ProcessorWebhookType, merchantId: string, data: Record<string, unknown>, now: Date): Promise<string> {
    const id = newId();
    const webhook: ProcessorWebhook = { id, type, merchantId, createdAt: now.toISOString(), data };
    await transaction.insert(PendingWebhookEntity, {
      id,
      type,
      merchantId,
      body: JSON.stringify(webhook),
      attempts: 0,
      nextAttemptAt: now,
      deliveredAt: null,
      lastError: null,
      createdAt: now,
    });
    return id;
  }
}
