/** The facts of a bill the console shows as its history (from billing-requests' bill and webhook APIs). */
export interface BillFacts {
  createdAt: string;
  sentAt: string | null;
  openedAt: string | null;
  payment: { paymentMethod: string; paidAt: string } | null;
  closedAt: string | null;
  closedReason: string | null;
  status: string;
  failedPaymentAttempts: number;
}

export interface WebhookFacts {
  eventType: string;
  status: string;
  createdAt: string;
  attempts: { attemptedAt: string; statusCode: number | null; error: string | null }[];
}

export type TimelineKind = 'created' | 'sms-sent' | 'opened' | 'paid' | 'closed' | 'webhook-attempt';

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  /** What to show beside the kind: payment method, close reason, webhook event and answer. */
  detail: string;
  ok: boolean;
}

/** One list, oldest first, of everything that happened to a bill: its lifecycle and every webhook attempt. */
export function billTimeline(bill: BillFacts, webhooks: WebhookFacts[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ at: bill.createdAt, kind: 'created', detail: '', ok: true }];
  if (bill.sentAt) entries.push({ at: bill.sentAt, kind: 'sms-sent', detail: '', ok: true });
  if (bill.openedAt) entries.push({ at: bill.openedAt, kind: 'opened', detail: '', ok: true });
  if (bill.payment) entries.push({ at: bill.payment.paidAt, kind: 'paid', detail: bill.payment.paymentMethod, ok: true });
  else if (bill.closedAt) entries.push({ at: bill.closedAt, kind: 'closed', detail: [bill.status, bill.closedReason].filter(Boolean).join(': '), ok: false });
  for (const webhook of webhooks) {
    for (const attempt of webhook.attempts) {
      const ok = attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
      entries.push({ at: attempt.attemptedAt, kind: 'webhook-attempt', detail: `${webhook.eventType} → ${attempt.statusCode ?? attempt.error ?? '?'}`, ok });
    }
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
