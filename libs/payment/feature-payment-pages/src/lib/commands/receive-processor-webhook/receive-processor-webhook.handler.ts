import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ProcessorWebhook } from '@kessai/processor-contracts';
import { PaymentAttemptEntity, PaymentAttemptMethod, ProcessorWebhookEntity } from '@kessai/payment-data-access';
import { declineReasonOf } from '@kessai/payment-domain';
import { Clock } from '@kessai/shared-clock';
import { PaymentOutcomes } from '../../outcomes/payment-outcomes';

/**
 * Applies a (verified) processor notification once: its id is recorded in the transaction of its effect, so a
 * redelivery is acknowledged and changes nothing.
 */
@Injectable()
export class ReceiveProcessorWebhookHandler {
  private readonly logger = new Logger(ReceiveProcessorWebhookHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outcomes: PaymentOutcomes,
    private readonly clock: Clock,
  ) {}

  async execute(webhook: ProcessorWebhook): Promise<'applied' | 'duplicate'> {
    return this.dataSource.transaction(async (transaction) => {
      const inserted = await transaction
        .createQueryBuilder()
        .insert()
        .into(ProcessorWebhookEntity)
        .values({ id: webhook.id, type: webhook.type, receivedAt: this.clock.now() })
        .orIgnore()
        .returning('id')
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return 'duplicate';
      await this.apply(transaction, webhook);
      return 'applied';
    });
  }

  private async apply(transaction: EntityManager, webhook: ProcessorWebhook): Promise<void> {
    const data = webhook.data as Record<string, string | undefined>;
    const attemptOf = (method: PaymentAttemptMethod, ref: string | undefined) =>
      ref ? transaction.findOne(PaymentAttemptEntity, { where: { method, processorRef: ref }, lock: { mode: 'pessimistic_write' } }) : null;
    switch (webhook.type) {
      case 'konbini.paid': {
        const attempt = await attemptOf('konbini', data['paymentId']);
        if (attempt) await this.outcomes.captured(transaction, attempt);
        return this.unknown(webhook, attempt);
      }
      case 'konbini.expired': {
        const attempt = await attemptOf('konbini', data['paymentId']);
        if (attempt) await this.outcomes.failed(transaction, attempt, 'konbini_expired');
        return this.unknown(webhook, attempt);
      }
      case 'wallet.approved': {
        const attempt = await attemptOf('wallet', data['paymentId']);
        if (attempt) await this.outcomes.authorized(transaction, attempt);
        return this.unknown(webhook, attempt);
      }
      case 'wallet.canceled': {
        const attempt = await attemptOf('wallet', data['paymentId']);
        if (attempt) await this.outcomes.failed(transaction, attempt, 'wallet_canceled');
        return this.unknown(webhook, attempt);
      }
      case 'authorization.challenge_completed': {
        const attempt = await attemptOf('card', data['authorizationId']);
        if (attempt && data['status'] === 'approved') await this.outcomes.authorized(transaction, attempt);
        else if (attempt) await this.outcomes.failed(transaction, attempt, declineReasonOf(data['reasonCode']));
        return this.unknown(webhook, attempt);
      }
      default:
        // Settlement files are the recurring engine's business: acknowledged, nothing to do here.
        return;
    }
  }

  private unknown(webhook: ProcessorWebhook, attempt: PaymentAttemptEntity | null): void {
    if (!attempt) this.logger.warn(`processor webhook ${webhook.id} (${webhook.type}) matches no payment attempt: acknowledged`);
  }
}
