import type { CustomerFlowOptions } from './customer-flow/customer-flow.options';

export const PAYMENT_PAGES_OPTIONS = Symbol('PAYMENT_PAGES_OPTIONS');

export interface PaymentPagesOptions {
  /** The origin customers reach the payment screen at. */
  publicUrl: string;
  /** The processor API as the server calls it. */
  processorUrl: string;
  /** The processor origin browsers load the tokenization script from: the only script origin the CSP allows. */
  processorBrowserUrl: string;
  processorTimeoutMs: number;
  /** Outbound proxy (production: the egress proxy); hosts in `noProxy` are reached directly. */
  egressProxy?: { url: string; noProxy: string };
  /** Verifies processor webhooks. */
  signingSecret: string;
  csrfSecret: string;
  operatorToken: string;
  /** Per-merchant limits of customer page loads and payment submissions. */
  customerFlow: CustomerFlowOptions;
}
