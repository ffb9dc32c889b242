import { Injectable } from '@nestjs/common';
import { ScreeningDecision } from '@kessai/screening-contracts';
import { ApiErrorBody } from '@kessai/shared-service-runtime';
import { DecidePaymentHandler } from '../decide-payment/decide-payment.handler';
import { DecidePaymentsInBulkCommand } from './decide-payments-in-bulk.command';

/** A decision, or why that one request was refused; in the order of the requests. */
export type BulkDecisionResult = ScreeningDecision | { paymentRef?: string; error: ApiErrorBody['error'] };

/**
 * Decides a batch (a recurring job's chunk of charges) in one call: the velocity reads of every payment leave in
 * one Redis round trip (the velocity client pipelines what is sent in the same tick), the rules run in turn.
 */
@Injectable()
export class DecidePaymentsInBulkHandler {
  constructor(private readonly decide: DecidePaymentHandler) {}

  execute({ merchantId, requests }: DecidePaymentsInBulkCommand): Promise<BulkDecisionResult[]> {
    this.decide.ensureActive();
    return Promise.all(requests.map((item) => ('request' in item ? this.decide.execute({ merchantId, request: item.request }) : { error: item.error })));
  }
}
