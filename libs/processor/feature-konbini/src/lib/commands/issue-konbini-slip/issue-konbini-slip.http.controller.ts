import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { IsIn, IsInt, IsISO8601, Matches, Min } from 'class-validator';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { KonbiniSlipResponse } from '@kessai/processor-contracts';
import { KonbiniPaymentEntity } from '@kessai/processor-data-access';
import { KONBINI_CHAINS, KonbiniChain, mintSlipNumbers, ProcessorException } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { toKonbiniSlipResponse } from '../../konbini-slip.response';

export class IssueKonbiniSlipRequestDto {
  @Matches(/^[\w-]{1,64}$/, { message: 'merchantId must be 1 to 64 letters, digits, _ or -' })
  merchantId: string;

  @IsInt()
  @Min(1)
  amount: number;

  @Matches(/^JPY$/, { message: 'currency must be JPY: convenience stores take yen' })
  currency: string;

  @IsIn(KONBINI_CHAINS)
  chain: KonbiniChain;

  /** Until when the customer can pay at the store. */
  @IsISO8601({ strict: true })
  deadline: string;

  @Matches(/^[\x21-\x7e]{1,128}$/, { message: 'idempotencyKey must be 1 to 128 printable characters' })
  idempotencyKey: string;
}

@Controller('v1/konbini/payments')
export class IssueKonbiniSlipHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Issues a payment slip (receipt and confirmation numbers) the customer pays at the chain's stores. */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async issue(@Body() body: IssueKonbiniSlipRequestDto): Promise<KonbiniSlipResponse> {
    const now = this.clock.now();
    const deadline = new Date(body.deadline);
    if (deadline.getTime() <= now.getTime()) throw new ProcessorException('PROCESSOR_KONBINI_PAYMENT_NOT_ALLOWED', 'The deadline must be in the future', 'deadline');
    const repository = this.dataSource.getRepository(KonbiniPaymentEntity);
    const existing = await repository.findOneBy({ merchantId: body.merchantId, idempotencyKey: body.idempotencyKey });
    if (existing) {
      if (existing.amount !== body.amount || existing.chain !== body.chain) {
        throw new ProcessorException('PROCESSOR_IDEMPOTENCY_KEY_CONFLICT', 'This idempotency key was used for another slip: use a new key', 'idempotencyKey');
      }
      return toKonbiniSlipResponse(existing);
    }
    const payment = Object.assign(new KonbiniPaymentEntity(), {
      id: newId(),
      merchantId: body.merchantId,
      idempotencyKey: body.idempotencyKey,
      amount: body.amount,
      currency: body.currency,
      chain: body.chain,
      ...mintSlipNumbers(() => randomInt(0, 10)),
      deadline,
      status: 'awaiting_payment' as const,
      paidAt: null,
      createdAt: now,
    });
    await repository.insert(payment);
    return toKonbiniSlipResponse(payment);
  }
}
