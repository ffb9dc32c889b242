import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BillAutoChargeRequestedV1, BillCreatedV1 } from '@kessai/billing-contracts';
import { BillRepository, CustomerMandateRepository, IdempotencyKeyRepository } from '@kessai/billing-data-access';
import { Bill, BillingException, japanDate } from '@kessai/billing-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { Currency, Money } from '@kessai/shared-money';
import { BILLING_OPTIONS, BillingOptions } from '../../billing.options';
import { BillEventsMapper } from '../../http/bill-events.mapper';
import { BillResponse, toBillResponse } from '../../http/bill.response';
import { BillSmsScheduler } from '../../sms/bill-sms.scheduler';
import { CreateBillCommand } from './create-bill.command';
import { BillEventPublisher } from '../../webhooks/bill-event.publisher';

export interface CreateBillResult {
  bill: BillResponse;
  /** True when an earlier request with the same `Idempotency-Key` made it. */
  replayed: boolean;
}

/** A payment link token: 128 random bits, base64url (22 characters). */
export function newPaymentLinkToken(): string {
  return randomBytes(16).toString('base64url');
}

/** JSON with object keys sorted, so the same body in another key order hashes the same. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  );
}

@Injectable()
export class CreateBillHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bills: BillRepository,
    private readonly idempotencyKeys: IdempotencyKeyRepository,
    private readonly mandates: CustomerMandateRepository,
    private readonly sms: BillSmsScheduler,
    private readonly events: BillEventPublisher,
    private readonly clock: Clock,
    @Inject(BILLING_OPTIONS) private readonly options: BillingOptions,
  ) {}

  /**
   * Stores the bill, its `billing.bill.created` event and (with a mobile number) its queued SMS in one
   * transaction. With an idempotency key, the same request again gets the first response.
   */
  async execute(command: CreateBillCommand, idempotencyKey?: string): Promise<CreateBillResult> {
    if (!Currency.isValid(command.currency)) {
      throw new BillingException('BILLING_AMOUNT_INVALID', `"${command.currency}" is not an ISO 4217 currency`, 'currency');
    }
    const now = this.clock.now();
    const { details } = command;
    const bill = Bill.create(
      newId(),
      {
        merchantId: command.merchantId,
        merchantBillNumber: command.merchantBillNumber,
        amount: Money.of(command.amount, command.currency),
        dueDate: command.dueDate,
        allowedPaymentMethods: command.allowedPaymentMethods,
        customerName: details.customerName,
        customerPhone: details.customerPhone,
        taxAmount: details.taxAmount,
        lineItems: details.lineItems,
        message: details.message,
        sendAt: details.sendAt ? new Date(details.sendAt) : undefined,
        paymentLinkToken: newPaymentLinkToken(),
      },
      japanDate(now),
      now,
    );
    return this.dataSource.transaction(async (transaction) => {
      if (idempotencyKey !== undefined) {
        const requestHash = createHash('sha256').update(canonicalJson(command)).digest('hex');
        const claim = await this.idempotencyKeys.claim(transaction, command.merchantId, idempotencyKey, requestHash, now);
        if (!claim.claimed) {
          if (claim.requestHash !== requestHash) {
            throw new BillingException(
              'BILLING_IDEMPOTENCY_KEY_INVALID',
              'This Idempotency-Key was used for a different request; use a new key for a new bill',
              'Idempotency-Key',
            );
          }
          return { bill: claim.body as BillResponse, replayed: true };
        }
      }
      // A customer who opted in to automatic payment is charged to the mandate instead of getting a link.
      const mandateId = bill.customerPhone ? (await this.mandates.mandatesOf(transaction, bill.merchantId, [bill.customerPhone])).get(bill.customerPhone) : undefined;
      const created = mandateId ? bill.requestAutoCharge(mandateId) : bill;
      await this.bills.insert(transaction, created);
      await this.events.publish(transaction, BillCreatedV1, { merchantId: bill.merchantId, payload: BillEventsMapper.created(created) });
      let stored = created;
      if (created.awaitsAutoCharge) {
        await this.events.publish(transaction, BillAutoChargeRequestedV1, { merchantId: bill.merchantId, payload: BillEventsMapper.autoChargeRequested(created) });
      } else if (bill.customerPhone) {
        stored = await this.sms.schedule(transaction, bill, 'payment-link', now);
        await this.bills.update(transaction, stored);
      }
      const response = toBillResponse(stored, this.options.paymentScreenPublicUrl);
      if (idempotencyKey !== undefined) await this.idempotencyKeys.complete(transaction, command.merchantId, idempotencyKey, 201, response);
      return { bill: response, replayed: false };
    });
  }
}
