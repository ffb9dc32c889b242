/**
 * The billing API's answers, as other contexts (the merchant console) read them. The billing service builds
 * them (feature-bills/http); they change only by adding fields.
 */
export interface BillResponse {
  id: string;
  merchantBillNumber: string;
  amount: number;
  currency: string;
  taxAmount: number | null;
  dueDate: string;
  allowedPaymentMethods: string[];
  customerName: string | null;
  /** E.164. */
  customerPhone: string | null;
  lineItems: { description: string; quantity: number; /** Minor units of the bill's currency. */ unitAmount: number }[];
  message: string | null;
  sendAt: string | null;
  status: string;
  paymentLink: { url: string; expiresAt: string };
  createdAt: string;
  sentAt: string | null;
  openedAt: string | null;
  payment: { paymentId: string; paymentMethod: string; paidAt: string } | null;
  closedAt: string | null;
  closedReason: string | null;
  failedPaymentAttempts: number;
  /** Present when the customer has a mandate: the bill is charged to the registered card instead of a link. */
  autoCharge?: { mandateId: string; status: 'requested' | 'authorized' | 'declined'; declineCode?: string };
}

export interface BillImportResponse {
  id: string;
  status: string;
  encoding: string | null;
  fileSha256: string | null;
  /** Lines of bills read so far (the header row not counted). */
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  errorReport: string;
}

/** One merchant webhook with every attempt and the merchant's answer (GET /webhook-deliveries). */
export interface WebhookDeliveryResponse {
  id: string;
  eventId: string;
  eventType: string;
  billId: string | null;
  status: string;
  attempts: { attemptedAt: string; url: string; statusCode: number | null; error: string | null; durationMs: number }[];
  nextAttemptAt: string | null;
  giveUpAt: string;
  deliveredAt: string | null;
  replayOf: string | null;
  createdAt: string;
  body: unknown;
}

/** A page of a list (bills, webhook deliveries): keyset pagination. */
export interface PageResponse<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** A merchant's figures by Japan-time day (GET /bill-statistics?days=). */
export interface BillStatisticsResponse {
  /** Oldest first, one entry per day, zero when nothing happened. */
  days: { date: string; sent: number; paid: number }[];
  /** What paid bills were paid with, most used first. */
  paymentMethods: { method: string; count: number }[];
  /** Why payment attempts failed (the processor's decline code), most frequent first. */
  declineReasons: { reason: string; count: number }[];
}
