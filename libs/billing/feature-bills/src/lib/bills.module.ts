import { DynamicModule, Module, Provider } from '@nestjs/common';
import {
  BillImportRepository,
  BillRepository,
  CustomerMandateRepository,
  IdempotencyKeyRepository,
  SmsQueueRepository,
  SmsSendRateRepository,
  WebhookRepository,
} from '@kessai/billing-data-access';
import { PaymentAuthorizedV1, PaymentCapturedV1, PaymentFailedV1, PaymentPageOpenedV1 } from '@kessai/payment-contracts';
import { BillChargeAuthorizedV1, BillChargeDeclinedV1, MandateCreatedV1, MandateRevokedV1 } from '@kessai/recurring-contracts';
import { ConsumerRegistration, defineConsumer } from '@kessai/shared-messaging';
import { BILLING_OPTIONS, BillingOptions } from './billing.options';
import { CancelBillHandler } from './commands/cancel-bill/cancel-bill.handler';
import { CancelBillHttpController } from './commands/cancel-bill/cancel-bill.http.controller';
import { CreateBillHandler } from './commands/create-bill/create-bill.handler';
import { CreateBillHttpController } from './commands/create-bill/create-bill.http.controller';
import { MarkBillPaidHandler } from './commands/mark-bill-paid/mark-bill-paid.handler';
import { ResendBillSmsHandler } from './commands/resend-bill-sms/resend-bill-sms.handler';
import { ResendBillSmsHttpController } from './commands/resend-bill-sms/resend-bill-sms.http.controller';
import { MarkBillOpenedWhenPaymentPageOpenedHandler } from './events/mark-bill-opened-when-payment-page-opened.handler';
import { MarkBillPaidWhenPaymentAuthorizedHandler } from './events/mark-bill-paid-when-payment-authorized.handler';
import { MarkBillPaidWhenPaymentCapturedHandler } from './events/mark-bill-paid-when-payment-captured.handler';
import { RecordAttemptWhenPaymentFailedHandler } from './events/record-attempt-when-payment-failed.handler';
import { RecordCustomerMandateWhenMandateCreatedHandler } from './events/record-customer-mandate-when-mandate-created.handler';
import { ForgetCustomerMandateWhenMandateRevokedHandler } from './events/forget-customer-mandate-when-mandate-revoked.handler';
import { MarkBillPaidWhenBillChargeAuthorizedHandler } from './events/mark-bill-paid-when-bill-charge-authorized.handler';
import { SendPaymentLinkWhenBillChargeDeclinedHandler } from './events/send-payment-link-when-bill-charge-declined.handler';
import { ExpireBillsJob } from './jobs/expire-bills.job';
import { DispatchSmsJob } from './jobs/dispatch-sms.job';
import { SendRemindersJob } from './jobs/send-reminders.job';
import { SetSmsWindowHttpController } from './commands/set-sms-window/set-sms-window.http.controller';
import { DevInboxSmsProvider } from './sms/dev-inbox.sms-provider';
import { DevSmsInboxHttpController } from './sms/dev-sms-inbox.http.controller';
import { SmsProvider } from './sms/sms-provider';
import { TwilioSmsProvider } from './sms/twilio.sms-provider';
import { TwilioStatusHttpController } from './sms/twilio-status.http.controller';
import { GetBillHttpController } from './queries/get-bill/get-bill.http.controller';
import { ListBillsHttpController } from './queries/list-bills/list-bills.http.controller';
import { BillSmsScheduler } from './sms/bill-sms.scheduler';
import { SetWebhookEndpointHttpController } from './commands/set-webhook-endpoint/set-webhook-endpoint.http.controller';
import { ReplayWebhookDeliveryHttpController } from './commands/replay-webhook-delivery/replay-webhook-delivery.http.controller';
import { ListWebhookDeliveriesHttpController } from './queries/list-webhook-deliveries/list-webhook-deliveries.http.controller';
import { DeliverWebhooksJob } from './jobs/deliver-webhooks.job';
import { BillEventPublisher } from './webhooks/bill-event.publisher';
import { ImportBillsHandler } from './commands/import-bills/import-bills.handler';
import { ImportBillsHttpController } from './commands/import-bills/import-bills.http.controller';
import { GetBillImportHttpController } from './queries/get-bill-import/get-bill-import.http.controller';
import { GetBillStatisticsHttpController } from './queries/get-bill-statistics/get-bill-statistics.http.controller';
import { ExportBillsHttpController } from './queries/export-bills/export-bills.http.controller';

/** What billing-requests consumes from the payment and recurring contexts. */
export const BILLING_CONSUMERS: ConsumerRegistration[] = [
  defineConsumer({ name: 'billing-requests.mark-bill-opened-when-payment-page-opened', event: PaymentPageOpenedV1, handler: MarkBillOpenedWhenPaymentPageOpenedHandler }),
  defineConsumer({ name: 'billing-requests.mark-bill-paid-when-payment-authorized', event: PaymentAuthorizedV1, handler: MarkBillPaidWhenPaymentAuthorizedHandler }),
  defineConsumer({ name: 'billing-requests.mark-bill-paid-when-payment-captured', event: PaymentCapturedV1, handler: MarkBillPaidWhenPaymentCapturedHandler }),
  defineConsumer({ name: 'billing-requests.record-attempt-when-payment-failed', event: PaymentFailedV1, handler: RecordAttemptWhenPaymentFailedHandler }),
  defineConsumer({ name: 'billing-requests.record-customer-mandate-when-mandate-created', event: MandateCreatedV1, handler: RecordCustomerMandateWhenMandateCreatedHandler }),
  defineConsumer({ name: 'billing-requests.forget-customer-mandate-when-mandate-revoked', event: MandateRevokedV1, handler: ForgetCustomerMandateWhenMandateRevokedHandler }),
  defineConsumer({ name: 'billing-requests.mark-bill-paid-when-bill-charge-authorized', event: BillChargeAuthorizedV1, handler: MarkBillPaidWhenBillChargeAuthorizedHandler }),
  defineConsumer({ name: 'billing-requests.send-payment-link-when-bill-charge-declined', event: BillChargeDeclinedV1, handler: SendPaymentLinkWhenBillChargeDeclinedHandler }),
];

/** The configured SMS provider: the development inbox, or Twilio. */
function smsProviderOf(options: BillingOptions): Provider {
  if (options.sms.provider === 'twilio') {
    const twilio = options.sms.twilio;
    if (!twilio) throw new Error('SMS_PROVIDER=twilio needs the Twilio settings');
    return { provide: SmsProvider, useValue: new TwilioSmsProvider(twilio) };
  }
  return { provide: SmsProvider, useClass: DevInboxSmsProvider };
}

/** Bills: the merchant API, the lifecycle driven by payment events, expiry, reminders and the SMS queue. */
@Module({})
export class BillsModule {
  static forService(options: BillingOptions): DynamicModule {
    return {
      module: BillsModule,
      controllers: [
        CreateBillHttpController,
        GetBillHttpController,
        ListBillsHttpController,
        CancelBillHttpController,
        ResendBillSmsHttpController,
        SetSmsWindowHttpController,
        SetWebhookEndpointHttpController,
        ListWebhookDeliveriesHttpController,
        ReplayWebhookDeliveryHttpController,
        ImportBillsHttpController,
        GetBillImportHttpController,
        GetBillStatisticsHttpController,
        ExportBillsHttpController,
        ...(options.sms.provider === 'dev-inbox' ? [DevSmsInboxHttpController] : [TwilioStatusHttpController]),
      ],
      providers: [
        { provide: BILLING_OPTIONS, useValue: options },
        BillRepository,
        IdempotencyKeyRepository,
        SmsQueueRepository,
        SmsSendRateRepository,
        BillSmsScheduler,
        WebhookRepository,
        BillImportRepository,
        ImportBillsHandler,
        BillEventPublisher,
        DeliverWebhooksJob,
        CreateBillHandler,
        CancelBillHandler,
        ResendBillSmsHandler,
        MarkBillPaidHandler,
        MarkBillOpenedWhenPaymentPageOpenedHandler,
        MarkBillPaidWhenPaymentAuthorizedHandler,
        MarkBillPaidWhenPaymentCapturedHandler,
        RecordAttemptWhenPaymentFailedHandler,
        CustomerMandateRepository,
        RecordCustomerMandateWhenMandateCreatedHandler,
        ForgetCustomerMandateWhenMandateRevokedHandler,
        MarkBillPaidWhenBillChargeAuthorizedHandler,
        SendPaymentLinkWhenBillChargeDeclinedHandler,
        ExpireBillsJob,
        SendRemindersJob,
        smsProviderOf(options),
        DispatchSmsJob,
      ],
      exports: [BILLING_OPTIONS, BillRepository, SmsQueueRepository, ExpireBillsJob, SendRemindersJob, DispatchSmsJob, SmsProvider, DeliverWebhooksJob],
    };
  }
}
