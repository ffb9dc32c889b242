import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { PROCESSOR_SIGNATURE_HEADER, PROCESSOR_WEBHOOK_TYPES, ProcessorWebhook, verifyProcessorSignature } from '@kessai/processor-contracts';
import { Clock } from '@kessai/shared-clock';
import { PaymentException } from '../../payment.exception';
import { PAYMENT_PAGES_OPTIONS, PaymentPagesOptions } from '../../payment-pages.options';
import { ReceiveProcessorWebhookHandler } from './receive-processor-webhook.handler';

/** `POST /processor/webhooks`: the processor's signed notifications (konbini paid, wallet decided, 3-D Secure done). */
@Controller('processor/webhooks')
export class ReceiveProcessorWebhookHttpController {
  constructor(
    private readonly handler: ReceiveProcessorWebhookHandler,
    private readonly clock: Clock,
    @Inject(PAYMENT_PAGES_OPTIONS) private readonly options: PaymentPagesOptions,
  ) {}

  @Post()
  @HttpCode(200)
  async receive(@Req() request: Request & { rawBody?: Buffer }): Promise<{ received: true; duplicate: boolean }> {
    const body = request.rawBody?.toString('utf8') ?? '';
    const check = verifyProcessorSignature(this.options.signingSecret, request.header(PROCESSOR_SIGNATURE_HEADER), body, Math.floor(this.clock.now().getTime() / 1000));
    if (!check.valid) throw new PaymentException('PAYMENT_WEBHOOK_SIGNATURE_UNAUTHORIZED', `Refused processor webhook: ${check.reason}`, PROCESSOR_SIGNATURE_HEADER);
    const webhook = request.body as ProcessorWebhook;
    if (typeof webhook?.id !== 'string' || !(PROCESSOR_WEBHOOK_TYPES as readonly string[]).includes(webhook.type)) {
      throw new PaymentException('PAYMENT_WEBHOOK_INVALID', 'The webhook needs an id and a known type', 'type');
    }
    const outcome = await this.handler.execute(webhook);
    return { received: true, duplicate: outcome === 'duplicate' };
  }
}
