import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MerchantScreeningEntity } from '@kessai/payment-data-access';
import { MerchantScreeningChangedV1Payload } from '@kessai/screening-contracts';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler } from '@kessai/shared-messaging';

/** Credit screening changed a merchant's setting: keep the newest version, whatever order the events come in. */
@Injectable()
export class ProjectMerchantScreeningWhenChangedHandler implements EventHandler<MerchantScreeningChangedV1Payload> {
  async handle(event: EventEnvelope<MerchantScreeningChangedV1Payload>, transaction: EntityManager): Promise<void> {
    const { merchantId, enabled, onReview, version } = event.payload;
    const table = transaction.connection.getMetadata(MerchantScreeningEntity).tablePath;
    await transaction.query(
      `INSERT INTO ${table} AS s (merchant_id, enabled, on_review, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (merchant_id) DO UPDATE SET enabled = EXCLUDED.enabled, on_review = EXCLUDED.on_review, version = EXCLUDED.version
       WHERE s.version < EXCLUDED.version`,
      [merchantId, enabled, onReview, version],
    );
  }
}
