import 'reflect-metadata';
import { BillCreatedV1 } from '@kessai/billing-contracts';
import { BillRepository, CustomerMandateRepository, IdempotencyKeyRepository, SmsQueueRepository } from '@kessai/billing-data-access';
import { Bill, BillingException } from '@kessai/billing-domain';
import { FixedClock } from '@kessai/shared-clock';
import type { DataSource, EntityManager } from 'typeorm';
import { BillingOptions } from '../../billing.options';
import { BillSmsScheduler } from '../../sms/bill-sms.scheduler';
import { BillEventPublisher } from '../../webhooks/bill-event.publisher';
import { CreateBillCommand } from './create-bill.command';
import { CreateBillHandler } from './create-bill.handler';

describe('CreateBillHandler', () => {
  const transaction = {} as EntityManager;
  const dataSource = { transaction: (work: (tx: EntityManager) => Promise<unknown>) => work(transaction) } as DataSource;
  const options: BillingOptions = {
    paymentScreenPublicUrl: 'https://pay.kessai.jp',
    defaultSendingWindow: { startHour: 9, endHour: 20 },
    reminderDaysBefore: 3,
    jobsIntervalMs: 0,
    sms: { provider: 'dev-inbox', dispatchIntervalMs: 0, batchSize: 100, ratePerSecond: 10, maxAttempts: 3, retryInitialMs: 1000 },
    webhooks: { deliveryIntervalMs: 0, retryInitialMs: 1000, retryMaxMs: 60_000, giveUpAfterMs: 259_200_000, timeoutMs: 1000 },
  };
  let insert: jest.Mock;
  let update: jest.Mock;
  let add: jest.Mock;
  let enqueue: jest.Mock;
  let keys: Map<string, { requestHash: string; body: unknown }>;
  let handler: CreateBillHandler;

  beforeEach(() => {
    insert = jest.fn();
    update = jest.fn();
    add = jest.fn();
    enqueue = jest.fn();
    keys = new Map();
    const idempotencyKeys = {
      claim: jest.fn(async (_tx, merchantId: string, key: string, requestHash: string) => {
        const existing = keys.get(`${merchantId}/${key}`);
        if (existing) return { claimed: false, status: 201, ...existing };
        keys.set(`${merchantId}/${key}`, { requestHash, body: {} });
        return { claimed: true };
      }),
      complete: jest.fn(async (_tx, merchantId: string, key: string, _status: number, body: unknown) => {
        keys.set(`${merchantId}/${key}`, { requestHash: keys.get(`${merchantId}/${key}`)?.requestHash ?? '', body });
      }),
    } as unknown as IdempotencyKeyRepository;
    const smsQueue = { enqueue, windowOf: jest.fn(async () => null) } as unknown as SmsQueueRepository;
    handler = new CreateBillHandler(
      dataSource,
      { insert, update } as unknown as BillRepository,
      idempotencyKeys,
      { mandatesOf: jest.fn(async () => new Map()) } as unknown as CustomerMandateRepository,
      new BillSmsScheduler(smsQueue, { publish: jest.fn() } as unknown as BillEventPublisher, options),
      { publish: add } as unknown as BillEventPublisher,
      new FixedClock('2026-11-22T13:00:00Z'),
      options,
    );
  });

  const command = (details: CreateBillCommand['details'] = {}, number = 'INV-1') =>
    new CreateBillCommand('m-1', number, 1500, 'JPY', '2026-12-10', ['card'], details);

  it('stores the bill and its created event, with an unguessable link that expires with the due date, in the same transaction', async () => {
    const { bill } = await handler.execute(command());
    const stored = insert.mock.calls[0][1] as Bill;
    expect(insert).toHaveBeenCalledWith(transaction, expect.any(Bill));
    expect(stored.paymentLinkToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(stored.paymentLinkToken, 'base64url')).toHaveLength(16);
    expect(bill.paymentLink).toEqual({ url: `https://pay.kessai.jp/p/${stored.paymentLinkToken}`, expiresAt: '2026-12-10T15:00:00.000Z' });
    expect(add).toHaveBeenCalledWith(transaction, BillCreatedV1, {
      merchantId: 'm-1',
      payload: expect.objectContaining({
        billId: bill.id,
        amount: 1500,
        currency: 'JPY',
        dueDate: '2026-12-10',
        paymentLinkToken: stored.paymentLinkToken,
        paymentLinkExpiresAt: '2026-12-10T15:00:00.000Z',
      }),
    });
    expect(enqueue).not.toHaveBeenCalled();
    expect(bill.status).toBe('created');
  });

  it('queues the SMS for the next morning when the bill is made at night (22:00 Japan time), and schedules the bill', async () => {
    const { bill } = await handler.execute(command({ customerPhone: '090-1234-5678', customerName: '山田 太郎' }));
    expect(bill.status).toBe('scheduled');
    expect(bill.customerPhone).toBe('+819012345678');
    expect(enqueue).toHaveBeenCalledWith(
      transaction,
      expect.objectContaining({ toPhone: '+819012345678', kind: 'payment-link', notBefore: new Date('2026-11-23T00:00:00Z') }),
    );
    expect(enqueue.mock.calls[0][1].body).toContain(bill.paymentLink.url);
    expect(update).toHaveBeenCalledWith(transaction, expect.objectContaining({ status: 'scheduled' }));
  });

  it('gives the first response again for the same Idempotency-Key and body, creating nothing more', async () => {
    const first = await handler.execute(command({ customerPhone: '09012345678' }), 'key-1');
    const again = await handler.execute(command({ customerPhone: '09012345678' }), 'key-1');
    expect(again).toEqual({ bill: first.bill, replayed: true });
    expect(insert).toHaveBeenCalledTimes(1);
    expect(add).toHaveBeenCalledTimes(1);
  });

  it('refuses the same Idempotency-Key with a different body', async () => {
    await handler.execute(command(), 'key-2');
    await expect(handler.execute(command({}, 'INV-2'), 'key-2')).rejects.toMatchObject({ code: 'BILLING_IDEMPOTENCY_KEY_INVALID' });
    expect(insert).toHaveBeenCalledTimes(1);
  });

  it('refuses an unknown currency before touching the database', async () => {
    await expect(handler.execute(new CreateBillCommand('m-1', 'INV-1', 1500, 'ABC', '2026-12-10', ['card']))).rejects.toMatchObject({
      code: 'BILLING_AMOUNT_INVALID',
      field: 'currency',
    });
    expect(insert).not.toHaveBeenCalled();
  });

  it('refuses a due date already past in Japan time', async () => {
    await expect(handler.execute(new CreateBillCommand('m-1', 'INV-1', 1500, 'JPY', '2026-11-21', ['card']))).rejects.toBeInstanceOf(BillingException);
  });
});
