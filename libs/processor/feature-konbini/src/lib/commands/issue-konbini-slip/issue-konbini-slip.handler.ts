import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { KonbiniPaymentEntity, KonbiniPaymentRepository } from '@kessai/processor-data-access';
import { mintSlipNumbers, ProcessorException } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { IssueKonbiniSlipCommand } from './issue-konbini-slip.command';

@Injectable()
export class IssueKonbiniSlipHandler {
  constructor(
    private readonly payments: KonbiniPaymentRepository,
    private readonly clock: Clock,
  ) {}

  /** Issues a payment slip awaiting payment; the same idempotency key answers the same slip. */
  async execute(command: IssueKonbiniSlipCommand): Promise<KonbiniPaymentEntity> {
    const now = this.clock.now();
    if (command.deadline.getTime() <= now.getTime()) {
      throw new ProcessorException('PROCESSOR_KONBINI_PAYMENT_NOT_ALLOWED', 'The deadline must be in the future', 'deadline');
    }
    const existing = await this.payments.findByIdempotencyKey(command.merchantId, command.idempotencyKey);
    if (existing) {
      if (existing.amount !== command.amount || existing.chain !== command.chain) {
        throw new ProcessorException('PROCESSOR_IDEMPOTENCY_KEY_CONFLICT', 'This idempotency key was used for another slip: use a new key', 'idempotencyKey');
      }
      return existing;
    }
    const payment = Object.assign(new KonbiniPaymentEntity(), {
      id: newId(),
      merchantId: command.merchantId,
      idempotencyKey: command.idempotencyKey,
      amount: command.amount,
      currency: command.currency,
      chain: command.chain,
      ...mintSlipNumbers(() => randomInt(0, 10)),
      deadline: command.deadline,
      status: 'awaiting_payment' as const,
      paidAt: null,
      createdAt: now,
    });
    await this.payments.insert(payment);
    return payment;
  }
}
