import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MerchantScreeningChangedV1, MerchantScreeningChangedV1Payload, type OnReviewPolicy } from '@kessai/screening-contracts';
import { MerchantScreeningRepository, MerchantScreeningSetting } from '@kessai/screening-data-access';
import { Clock } from '@kessai/shared-clock';
import { OutboxWriter } from '@kessai/shared-messaging';

export interface SetMerchantScreeningCommand {
  merchantId: string;
  enabled: boolean;
  onReview: OnReviewPolicy;
  changedBy: string;
}

/**
 * Turns a merchant's screening on or off. The setting and its event commit together (outbox): the payment
 * screen and the recurring engine keep their own copy from the event and never read this table.
 */
@Injectable()
export class SetMerchantScreeningHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: MerchantScreeningRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  execute(command: SetMerchantScreeningCommand): Promise<MerchantScreeningSetting> {
    return this.dataSource.transaction(async (transaction) => {
      const saved = await this.settings.save(transaction, command, this.clock.now(), command.changedBy);
      await this.outbox.add(transaction, MerchantScreeningChangedV1, {
        merchantId: saved.merchantId,
        payload: Object.assign(new MerchantScreeningChangedV1Payload(), {
          merchantId: saved.merchantId,
          enabled: saved.enabled,
          onReview: saved.onReview,
          version: saved.version,
          changedAt: saved.changedAt.toISOString(),
        }),
      });
      return saved;
    });
  }
}
