import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthorizationEntity, WebhookOutbox } from '@kessai/processor-data-access';
import { decideChallenge, ProcessorException } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';

@Injectable()
export class CompleteChallengeHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookOutbox,
    private readonly clock: Clock,
  ) {}

  /** The cardholder passed or failed the 3-D Secure challenge: the authorization is approved or declined. */
  async execute(authorizationId: string, passed: boolean): Promise<AuthorizationEntity> {
    const outcome = decideChallenge(passed);
    return this.dataSource.transaction(async (transaction) => {
      const authorization = await transaction.findOne(AuthorizationEntity, { where: { id: authorizationId }, lock: { mode: 'pessimistic_write' } });
      if (!authorization) throw new ProcessorException('PROCESSOR_CHALLENGE_NOT_FOUND', `No challenge for authorization ${authorizationId}`, 'authorizationId');
      if (authorization.status !== 'challenge_required') {
        throw new ProcessorException('PROCESSOR_CHALLENGE_NOT_ALLOWED', `This challenge is over: the authorization is ${authorization.status}`, 'authorizationId');
      }
      const changes = { status: outcome.kind as 'approved' | 'declined', reasonCode: outcome.reasonCode, reason: outcome.reason };
      await transaction.update(AuthorizationEntity, { id: authorizationId }, changes);
      const updated = { ...authorization, ...changes };
      await this.webhooks.add(transaction, 'authorization.challenge_completed', updated.merchantId, {
        authorizationId,
        status: updated.status,
        reasonCode: updated.reasonCode,
        reason: updated.reason,
      }, this.clock.now());
      return updated;
    });
  }
}
