import type { EventDefinition } from '@kessai/shared-contracts';

export {
  PROCESSOR_SIGNATURE_HEADER,
  signProcessorPayload,
  verifyProcessorSignature,
  type SignatureCheck,
} from './lib/processor-signature';
export { SALES_CONFIRMATION_COLUMNS, SETTLEMENT_RESULT_COLUMNS, CARD_REFRESH_COLUMNS, CARD_REFRESH_RESULT_COLUMNS } from './lib/file-layouts';
export * from './lib/processor-api';
export { PROCESSOR_WEBHOOK_TYPES, type ProcessorWebhookType, type ProcessorWebhook } from './lib/processor-webhooks';

/** Every event the processor context publishes: none, it talks to the platform over HTTP only. */
export const PROCESSOR_EVENTS: EventDefinition[] = [];
