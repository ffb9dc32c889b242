import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BillFailedV1, BillSentV1 } from '@kessai/billing-contracts';
import { BillRepository, SmsMessageEntity, SmsQueueRepository, SmsSendRateRepository } from '@kessai/billing-data-access';
import { canTransition, nextMomentInWindow, SendingWindow } from '@kessai/billing-domain';
import { Clock } from '@kessai/shared-clock';
import { BILLING_OPTIONS, BillingOptions } from '../billing.options';
import { BillEventsMapper } from '../http/bill-events.mapper';
import { SmsProvider, SmsProviderError } from '../sms/sms-provider';
import { JobLoop } from './job-loop';
import { BillEventPublisher } from '../webhooks/bill-event.publisher';

const MAX_BACKOFF_MS = 3600_000;

/** The delay before retry number `attempts` (1, 2, …): doubling from `initialMs`, at most an hour. */
export function smsRetryDelayMs(attempts: number, initialMs: number): number {
  return Math.min(MAX_BACKOFF_MS, initialMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Works the SMS queue table: due messages, locked with SKIP LOCKED (instances share the queue and a restart
 * loses nothing), sent within the provider's rate (shared by all instances, see SmsSendRateRepository) and the
 * merchant's window. Sent → the bill is sent
 * (`billing.bill.sent`); transient errors retry with backoff; a refused number fails the bill.
 */
@Injectable()
export class DispatchSmsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DispatchSmsJob.name);
  private readonly loop: JobLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bills: BillRepository,
    private readonly queue: SmsQueueRepository,
    private readonly sendRate: SmsSendRateRepository,
    private readonly provider: SmsProvider,
    private readonly events: BillEventPublisher,
    private readonly clock: Clock,
    @Inject(BILLING_OPTIONS) private readonly options: BillingOptions,
  ) {
    const { sms } = options;
    this.loop = new JobLoop('dispatch-sms', sms.dispatchIntervalMs, async () => {
      // Keep going while full batches come back; then wait for the next tick.
      while ((await this.dispatchDue()) === sms.batchSize) {
        /* next batch */
      }
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Sends one batch of due messages; returns how many it looked at. */
  async dispatchDue(): Promise<number> {
    return this.dataSource.transaction(async (transaction) => {
      const due = await transaction
        .getRepository(SmsMessageEntity)
        .createQueryBuilder('s')
        .where(`s.status = 'queued' AND s.next_attempt_at <= :now`, { now: this.clock.now() })
        .orderBy('s.next_attempt_at')
        .limit(this.options.sms.batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      const windows = new Map<string, Promise<SendingWindow>>();
      const windowOf = (merchantId: string) => {
        if (!windows.has(merchantId)) {
          windows.set(
            merchantId,
            this.queue.windowOf(transaction, merchantId).then((own) => own ?? this.options.defaultSendingWindow),
          );
        }
        return windows.get(merchantId) as Promise<SendingWindow>;
      };
      await Promise.all(due.map(async (sms) => this.dispatchOne(transaction, sms, await windowOf(sms.merchantId))));
      return due.length;
    });
  }

  private async dispatchOne(transaction: EntityManager, sms: SmsMessageEntity, window: SendingWindow): Promise<void> {
    const bill = await this.bills.lockOfMerchant(transaction, sms.merchantId, sms.billId);
    // A receipt is about a paid bill; a link or reminder only while the bill can still be paid.
    const receipt = sms.kind === 'receipt';
    if (!bill || (receipt ? bill.status !== 'paid' : !bill.isOpen)) {
      await transaction.update(SmsMessageEntity, { id: sms.id }, { status: 'skipped', lastError: `bill is ${bill?.status ?? 'gone'}` });
      return;
    }
    // A retry or a late tick may fall at night: hold it until the window opens.
    const now = this.clock.now();
    const inWindow = nextMomentInWindow(now, window);
    if (inWindow.getTime() > now.getTime()) {
      await transaction.update(SmsMessageEntity, { id: sms.id }, { nextAttemptAt: inWindow });
      return;
    }
    await this.waitForSendingSlot();
    const attempts = sms.attempts + 1;
    try {
      const accepted = await this.provider.send({ to: sms.toPhone, body: sms.body, reference: sms.id });
      const sentAt = this.clock.now();
      await transaction.update(
        SmsMessageEntity,
        { id: sms.id },
        { status: 'sent', attempts, sentAt, provider: this.provider.name, providerMessageId: accepted.providerMessageId, deliveryStatus: accepted.deliveryStatus, lastError: null },
      );
      if (receipt) return;
      const sent = bill.markSent(sentAt);
      await this.bills.update(transaction, sent);
      await this.events.publish(transaction, BillSentV1, { merchantId: bill.merchantId, payload: BillEventsMapper.sent(sent, sms.kind as 'payment-link' | 'reminder', sentAt) });
    } catch (error) {
      const transient = !(error instanceof SmsProviderError) || error.transient;
      const reason = (error as Error).message;
      const failedNow = this.clock.now();
      if (transient && attempts < this.options.sms.maxAttempts) {
        const retryAt = new Date(failedNow.getTime() + smsRetryDelayMs(attempts, this.options.sms.retryInitialMs));
        await transaction.update(SmsMessageEntity, { id: sms.id }, { attempts, lastError: reason, provider: this.provider.name, nextAttemptAt: retryAt });
        return;
      }
      this.logger.warn(`SMS ${sms.id} for bill ${bill.id} failed for good after ${attempts} attempt(s): ${reason}`);
      await transaction.update(SmsMessageEntity, { id: sms.id }, { status: 'failed', attempts, lastError: reason, provider: this.provider.name });
      if (!receipt && canTransition(bill.status, 'failed')) {
        const failed = bill.fail(failedNow, `SMS not delivered: ${reason}`);
        await this.bills.update(transaction, failed);
        await this.events.publish(transaction, BillFailedV1, { merchantId: bill.merchantId, payload: BillEventsMapper.failed(failed) });
      }
    }
  }

  /** The provider's rate: one slot per message, up to a second's worth at once after a quiet spell. */
  private async waitForSendingSlot(): Promise<void> {
    const { ratePerSecond } = this.options.sms;
    const waitMs = await this.sendRate.takeSlot(this.provider.name, 1000 / ratePerSecond, Math.max(1, Math.floor(ratePerSecond)));
    if (waitMs > 0) await sleep(waitMs);
  }
}
