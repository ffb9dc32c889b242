import { Body, Controller, Put } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SmsQueueRepository, SmsWindowSettings } from '@kessai/billing-data-access';
import { BillingException } from '@kessai/billing-domain';
import { MerchantId } from '@kessai/shared-service-runtime';
import { SetSmsWindowRequestDto } from './set-sms-window.request.dto';

/** The merchant's own SMS sending window (Japan time); messages queued outside it wait until it opens. */
@Controller('settings/sms-window')
export class SetSmsWindowHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: SmsQueueRepository,
  ) {}

  @Put()
  async set(@MerchantId() merchantId: string, @Body() body: SetSmsWindowRequestDto): Promise<SmsWindowSettings> {
    if (body.startHour >= body.endHour) {
      throw new BillingException('BILLING_SMS_WINDOW_INVALID', 'startHour must be before endHour', 'endHour');
    }
    const window = { startHour: body.startHour, endHour: body.endHour };
    await this.dataSource.transaction((transaction) => this.queue.setWindow(transaction, merchantId, window));
    return window;
  }
}
