/** The service answers the console reads, as the owning contexts publish them in their contracts. */
export type { BillImportResponse as BillImportView, BillResponse as BillView, PageResponse as Page, WebhookDeliveryResponse as WebhookDeliveryView } from '@kessai/billing-contracts';
export type { ApiKeyView } from '@kessai/throttle-contracts';
