import { BulkItem } from './decide-payments-in-bulk.request';

export interface DecidePaymentsInBulkCommand {
  merchantId: string;
  requests: BulkItem[];
}
