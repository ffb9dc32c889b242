import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import { BillCanceledV1, BillCreatedV1, BillExpiredV1, BillPaidV1 } from '@kessai/billing-contracts';
import { MerchantScreeningChangedV1 } from '@kessai/screening-contracts';
import { defineConsumer } from '@kessai/shared-messaging';
import { IssueKonbiniSlipHandler } from './commands/issue-konbini-slip/issue-konbini-slip.handler';
import { IssueKonbiniSlipHttpController } from './commands/issue-konbini-slip/issue-konbini-slip.http.controller';
import { OpenPaymentPageHandler } from './commands/open-payment-page/open-payment-page.handler';
import { PayByCardHandler } from './commands/pay-by-card/pay-by-card.handler';
import { PayByCardHttpController } from './commands/pay-by-card/pay-by-card.http.controller';
import { PaymentAttempts } from './commands/payment-attempts';
import { PaymentFormGuard } from './commands/payment-form.guard';
import { ReceiveProcessorWebhookHandler } from './commands/receive-processor-webhook/receive-processor-webhook.handler';
import { ReceiveProcessorWebhookHttpController } from './commands/receive-processor-webhook/receive-processor-webhook.http.controller';
import { PaymentOperatorGuard } from './commands/set-merchant-branding/operator.guard';
import { SetMerchantBrandingHttpController } from './commands/set-merchant-branding/set-merchant-branding.http.controller';
import { StartWalletPaymentHandler } from './commands/start-wallet-payment/start-wallet-payment.handler';
import { StartWalletPaymentHttpController } from './commands/start-wallet-payment/start-wallet-payment.http.controller';
import { CustomerFlowControlMiddleware } from './customer-flow/customer-flow-control.middleware';
import { customerFlowProviders } from './customer-flow/customer-flow.providers';
import { ClosePaymentPageWhenBillCanceledHandler } from './events/close-payment-page-when-bill-canceled.handler';
import { ClosePaymentPageWhenBillExpiredHandler } from './events/close-payment-page-when-bill-expired.handler';
import { ClosePaymentPageWhenBillPaidHandler } from './events/close-payment-page-when-bill-paid.handler';
import { PreparePaymentPageWhenBillCreatedHandler } from './events/prepare-payment-page-when-bill-created.handler';
import { ProjectMerchantScreeningWhenChangedHandler } from './events/project-merchant-screening-when-changed.handler';
import { PaymentOutcomes } from './outcomes/payment-outcomes';
import { PAYMENT_PAGES_OPTIONS, PaymentPagesOptions } from './payment-pages.options';
import { ProcessorClient } from './processor/processor.client';
import { CardPaymentScreening } from './screening/card-payment-screening';
import { ShowPaymentAttemptHttpController } from './queries/show-payment-attempt/show-payment-attempt.http.controller';
import { ShowPaymentPageHttpController } from './queries/show-payment-page/show-payment-page.http.controller';
import { PaymentLinkPages } from './web/payment-link-pages';
import { PaymentPageRenderer } from './web/payment-page.renderer';
import { SecurityHeadersMiddleware } from './web/security-headers.middleware';

export const PAYMENT_PAGES_CONSUMERS = [
  defineConsumer({ name: 'payment-screen.prepare-payment-page-when-bill-created', event: BillCreatedV1, handler: PreparePaymentPageWhenBillCreatedHandler }),
  defineConsumer({ name: 'payment-screen.close-payment-page-when-bill-paid', event: BillPaidV1, handler: ClosePaymentPageWhenBillPaidHandler }),
  defineConsumer({ name: 'payment-screen.close-payment-page-when-bill-expired', event: BillExpiredV1, handler: ClosePaymentPageWhenBillExpiredHandler }),
  defineConsumer({ name: 'payment-screen.close-payment-page-when-bill-canceled', event: BillCanceledV1, handler: ClosePaymentPageWhenBillCanceledHandler }),
  defineConsumer({
    name: 'payment-screen.project-merchant-screening-when-changed',
    event: MerchantScreeningChangedV1,
    handler: ProjectMerchantScreeningWhenChangedHandler,
  }),
];

const PAGE_CONTROLLERS = [
  ShowPaymentPageHttpController,
  ShowPaymentAttemptHttpController,
  PayByCardHttpController,
  IssueKonbiniSlipHttpController,
  StartWalletPaymentHttpController,
];

/** The customer's payment screen: bill pages, card / konbini / wallet payments, processor webhooks, branding. */
@Module({})
export class PaymentPagesModule implements NestModule {
  static forRoot(options: PaymentPagesOptions): DynamicModule {
    return {
      module: PaymentPagesModule,
      controllers: [...PAGE_CONTROLLERS, ReceiveProcessorWebhookHttpController, SetMerchantBrandingHttpController],
      providers: [
        { provide: PAYMENT_PAGES_OPTIONS, useValue: options },
        PreparePaymentPageWhenBillCreatedHandler,
        ClosePaymentPageWhenBillPaidHandler,
        ClosePaymentPageWhenBillExpiredHandler,
        ClosePaymentPageWhenBillCanceledHandler,
        ProjectMerchantScreeningWhenChangedHandler,
        CardPaymentScreening,
        ProcessorClient,
        PaymentPageRenderer,
        PaymentLinkPages,
        PaymentAttempts,
        PaymentFormGuard,
        PaymentOutcomes,
        OpenPaymentPageHandler,
        PayByCardHandler,
        IssueKonbiniSlipHandler,
        StartWalletPaymentHandler,
        ReceiveProcessorWebhookHandler,
        PaymentOperatorGuard,
        ...customerFlowProviders(options.customerFlow),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Flow control after the security headers: a "busy" page gets the same CSP (its style carries the nonce).
    consumer.apply(cookieParser(), SecurityHeadersMiddleware, CustomerFlowControlMiddleware).forRoutes(...PAGE_CONTROLLERS);
  }
}
