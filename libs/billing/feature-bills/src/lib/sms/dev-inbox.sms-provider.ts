import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DevSmsInboxEntity } from '@kessai/billing-data-access';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { OutgoingSms, SmsAccepted, SmsProvider } from './sms-provider';

/** Development only: keeps each message in `dev_sms_inbox`, shown at GET /dev/sms-inbox so a person can tap the link. */
@Injectable()
export class DevInboxSmsProvider extends SmsProvider {
  readonly name = 'dev-inbox';

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    super();
  }

  async send(sms: OutgoingSms): Promise<SmsAccepted> {
    const id = newId();
    await this.dataSource.getRepository(DevSmsInboxEntity).insert({ id, toPhone: sms.to, body: sms.body, receivedAt: this.clock.now() });
    return { providerMessageId: id, deliveryStatus: 'delivered' };
  }
}
