/**
 * Asynchronous results the processor posts to the platform (PROCESSOR_WEBHOOK_URL), signed with
 * PROCESSOR_SIGNATURE_HEADER and retried with backoff until answered with a 2xx.
 */
export const PROCESSOR_WEBHOOK_TYPES = [
  'konbini.paid',
  'konbini.expired',
  'wallet.approved',
  'wallet.canceled',
  'settlement.completed',
  'authorization.challenge_completed',
] as const;
export type ProcessorWebhookType = (typeof PROCESSOR_WEBHOOK_TYPES)[number];

export interface ProcessorWebhook<TData = Record<string, unknown>> {
  /** Unique per notification: a redelivery carries the same id, so the receiver can drop duplicates. */
  id: string;
  type: ProcessorWebhookType;
  merchantId: string;
  createdAt: string;
  data: TData;
}
