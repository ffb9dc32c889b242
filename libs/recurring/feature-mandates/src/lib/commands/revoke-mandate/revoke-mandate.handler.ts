import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MandateRevokedV1, MandateRevokedV1Payload } from '@kessai/recurring-contracts';
import { MandateRepository, StoredMandate } from '@kessai/recurring-data-access';
import { RecurringException } from '@kessai/recurring-domain';
import { Clock } from '@kessai/shared-clock';
import { OutboxWriter } from '@kessai/shared-messaging';

/**
 * The merchant ends a customer's mandate (the customer asked to stop paying automatically): from now on no bill
 * is charged to it, and billing is told so that the customer's next bills get a payment link. Revoking again
 * changes nothing and announces nothing.
 */
@Injectable()
export class RevokeMandateHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mandates: MandateRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async revoke(shopId: string, mandateId: string): Promise<StoredMandate> {
    return this.dataSource.transaction(async (transaction) => {
      const revoked = await this.mandates.revoke(transaction, shopId, mandateId, 'merchant', this.clock.now());
      if (!revoked) throw new RecurringException('RECURRING_MANDATE_NOT_FOUND', `There is no mandate ${mandateId}`);
      if (revoked.revokedNow) {
        await this.outbox.add(transaction, MandateRevokedV1, { merchantId: shopId, payload: mandateRevokedPayload(revoked.mandate) });
      }
      return revoked.mandate;
    });
  }
}

function mandateRevokedPayload(mandate: StoredMandate): MandateRevokedV1Payload {
  return Object.assign(new MandateRevokedV1Payload(), {
    mandateRequestId: mandate.mandateRequestId,
    customerPhone: mandate.customerPhone,
    reason: mandate.revocationReason as string,
    revokedAt: mandate.revokedAt as string,
  });
}
