import { createHmac, timingSafeEqual } from 'node:crypto';
import { Body, Controller, ForbiddenException, Headers, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SmsMessageEntity } from '@kessai/billing-data-access';
import { BILLING_OPTIONS, BillingOptions } from '../billing.options';

/** Twilio's request signature: base64 HMAC-SHA1 of the callback URL followed by each POST field name and value, sorted by name. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, key) => text + key + params[key], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Twilio's delivery reports (StatusCallback): the delivery status of each sent SMS, recorded on the queue row. */
@Controller('sms/status')
export class TwilioStatusHttpController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(BILLING_OPTIONS) private readonly options: BillingOptions,
  ) {}

  @Post('twilio')
  @HttpCode(HttpStatus.NO_CONTENT)
  async report(@Headers('x-twilio-signature') signature: string | undefined, @Body() body: Record<string, string>): Promise<void> {
    const twilio = this.options.sms.twilio;
    if (!twilio || !signature) throw new ForbiddenException({ error: { code: 'SMS_STATUS_SIGNATURE_FORBIDDEN', message: 'Missing Twilio signature' } });
    const expected = Buffer.from(twilioSignature(twilio.authToken, twilio.statusCallbackUrl, body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new ForbiddenException({ error: { code: 'SMS_STATUS_SIGNATURE_FORBIDDEN', message: 'The Twilio signature does not match' } });
    }
    if (!body.MessageSid || !body.MessageStatus) return;
    await this.dataSource.getRepository(SmsMessageEntity).update(
      { providerMessageId: body.MessageSid, provider: 'twilio' },
      { deliveryStatus: body.MessageStatus, ...(body.ErrorCode ? { lastError: `twilio error ${body.ErrorCode}` } : {}) },
    );
  }
}
