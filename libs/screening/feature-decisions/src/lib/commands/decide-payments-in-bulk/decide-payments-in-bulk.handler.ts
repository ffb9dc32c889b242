import { Injectable } from '@nestjs/common';
import { ScreeningDecision } from '@kessai/screening-contracts';
import { ApiErrorBody } from '@kessai/shared-service-runtime';
import { DecidePaymentHandler } from '../decide-payment/decide-payment.handler';
import { DecidePaymentsInBulkCommand } from './decide-payments-in-bulk.command';

/** A decision, or why that one request was refused; in the order of the requests. */
export type BulkDecisionResult = ScreeningDecision | { paymentRef?: string; error: ApiErrorBody['error'] };

/** Payments whose velocity reads share one Redis round trip. */
const SLICE = 500;

/**
 * Decides a batch (a recurring job's chunk of charges) in one call, a slice of 500 at a time: the velocity reads
 * of a slice leave in one Redis round trip (the velocity client pipelines what is sent in the same tick). Slices
 * keep each Redis reply small (well inside the command timeout) and let single decisions interleave.
 */
@Injectable()
export class DecidePaymentsInBulkHandler {
  constructor(private readonly decide: DecidePaymentHandler) {}

  async execute({ merchantId, requests }: DecidePaymentsInBulkCommand): Promise<BulkDecisionResult[]> {
    this.decide.ensureActive();
    const results: BulkDecisionResult[] = [];
    for (let start = 0; start < requests.length; start += SLICE) {
      const slice = requests.slice(start, start + SLICE);
      results.push(...(await Promise.all(slice.map((item) => ('request' in item ? this.decide.execute({ merchantId, request: item.request }) : { error: item.error })))));
    }
    return results;
  }
}
