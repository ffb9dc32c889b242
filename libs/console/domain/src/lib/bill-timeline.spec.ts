import { billTimeline } from './bill-timeline';

describe('bill timeline', () => {
  it('lists the lifecycle and every webhook attempt, oldest first', () => {
    const timeline = billTimeline(
      {
        createdAt: '2026-12-01T00:00:00Z',
        sentAt: '2026-12-01T00:05:00Z',
        openedAt: '2026-12-01T01:00:00Z',
        payment: { paymentMethod: 'card', paidAt: '2026-12-01T01:02:00Z' },
        closedAt: '2026-12-01T01:02:00Z',
        closedReason: null,
        status: 'paid',
        failedPaymentAttempts: 0,
      },
      [{ eventType: 'billing.bill.created', status: 'delivered', createdAt: '2026-12-01T00:00:00Z', attempts: [{ attemptedAt: '2026-12-01T00:00:01Z', statusCode: 500, error: null }, { attemptedAt: '2026-12-01T00:00:31Z', statusCode: 200, error: null }] }],
    );
    expect(timeline.map((e) => e.kind)).toEqual(['created', 'webhook-attempt', 'webhook-attempt', 'sms-sent', 'opened', 'paid']);
    expect(timeline[1]).toMatchObject({ ok: false, detail: 'billing.bill.created → 500' });
    expect(timeline[5].detail).toBe('card');
  });
});
