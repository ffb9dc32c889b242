import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MerchantScreeningRepository } from '@kessai/recurring-data-access';
import { MerchantScreeningChangedV1Payload } from '@kessai/screening-contracts';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler } from '@kessai/shared-messaging';

/** Credit screening changed a merchant's setting: the authorize-charges job reads it from our own table. */
@Injectable()
export class ProjectMerchantScreeningWhenChangedHandler implements EventHandler<MerchantScreeningChangedV1Payload> {
  constructor(private readonly settings: MerchantScreeningRepository) {}

  handle(event: EventEnvelope<MerchantScreeningChangedV1Payload>, transaction: EntityManager): Promise<void> {
    return this.settings.apply(transaction, event.payload);
  }
}
