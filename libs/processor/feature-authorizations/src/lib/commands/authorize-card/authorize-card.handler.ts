import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { AuthorizationResponse } from '@kessai/processor-contracts';
import { AuthorizationEntity, AuthorizationRepository, CardRepository, idempotencyKeyOf } from '@kessai/processor-data-access';
import { CardProfile, decideAuthorization, ProcessorException } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { AUTHORIZATION_OPTIONS, AuthorizationOptions } from '../../authorization.options';
import { toAuthorizationResponse } from '../../http/authorization.response';
import { AuthorizeCardCommand } from './authorize-card.command';

export type AuthorizeCardResult = { authorization: AuthorizationResponse } | { error: ProcessorException };

@Injectable()
export class AuthorizeCardHandler {
  constructor(
    private readonly cards: CardRepository,
    private readonly authorizations: AuthorizationRepository,
    private readonly clock: Clock,
    @Inject(AUTHORIZATION_OPTIONS) private readonly options: AuthorizationOptions,
  ) {}

  /**
   * Decides a batch of authorizations in order and records the answers in one statement. The same
   * idempotency key never authorizes twice: a repeat gets the recorded answer, a repeat with another body an
   * error. Processor errors and timeouts are not recorded, so the platform may retry them with the same key.
   */
  async execute(commands: AuthorizeCardCommand[]): Promise<AuthorizeCardResult[]> {
    const now = this.clock.now();
    const cards = await this.cards.snapshots(commands.map((c) => c.cardId));
    const results: (AuthorizeCardResult | undefined)[] = new Array(commands.length);
    const candidates: { index: number; row: AuthorizationEntity }[] = [];
    const firstOfKey = new Map<string, number>();
    const repeats: { index: number; first: number; hash: string }[] = [];
    commands.forEach((command, index) => {
      const card = cards.get(command.cardId);
      if (!card || card.merchantId !== command.merchantId) {
        results[index] = { error: new ProcessorException('PROCESSOR_CARD_NOT_FOUND', `The merchant has no card ${command.cardId}`, 'cardId') };
        return;
      }
      const hash = requestHash(command);
      const key = idempotencyKeyOf(command.merchantId, command.idempotencyKey);
      const first = firstOfKey.get(key);
      if (first !== undefined) {
        repeats.push({ index, first, hash });
        return;
      }
      const outcome = decideAuthorization({ profile: card.profile as CardProfile, status: card.status }, this.options.errorRate, Math.random());
      if (outcome.kind === 'processor_error') {
        results[index] = { error: new ProcessorException('PROCESSOR_SYSTEM_UNAVAILABLE', `The card network failed (${outcome.reasonCode} ${outcome.reason}): retry with the same idempotency key`) };
        return;
      }
      if (outcome.kind === 'timeout') {
        results[index] = { error: new ProcessorException('PROCESSOR_AUTHORIZATION_TIMEOUT', `The issuer did not answer (${outcome.reasonCode} ${outcome.reason}): retry with the same idempotency key`) };
        return;
      }
      firstOfKey.set(key, index);
      const row = Object.assign(new AuthorizationEntity(), {
        id: newId(),
        merchantId: command.merchantId,
        idempotencyKey: command.idempotencyKey,
        requestHash: hash,
        cardId: command.cardId,
        amount: command.amount,
        currency: command.currency,
        status: outcome.kind,
        reasonCode: outcome.reasonCode,
        reason: outcome.reason,
        createdAt: now,
      });
      candidates.push({ index, row });
    });
    const inserted = await this.authorizations.insertNew(candidates.map((c) => c.row));
    const earlier = candidates.filter(({ row }) => !inserted.has(idempotencyKeyOf(row.merchantId, row.idempotencyKey)));
    const recorded = await this.authorizations.findByIdempotencyKeys(earlier.map(({ row }) => row));
    for (const { index, row } of candidates) {
      const stored = inserted.has(idempotencyKeyOf(row.merchantId, row.idempotencyKey))
        ? row
        : recorded.get(idempotencyKeyOf(row.merchantId, row.idempotencyKey));
      results[index] = this.answer(stored, row.requestHash);
    }
    for (const { index, first, hash } of repeats) {
      const earlierResult = results[first];
      results[index] =
        earlierResult && 'authorization' in earlierResult && requestHash(commands[first]) === hash ? earlierResult : conflict();
    }
    return results as AuthorizeCardResult[];
  }

  private answer(stored: AuthorizationEntity | undefined, hash: string): AuthorizeCardResult {
    if (!stored) return { error: new ProcessorException('PROCESSOR_SYSTEM_UNAVAILABLE', 'The authorization could not be recorded: retry') };
    if (stored.requestHash !== hash) return conflict();
    return { authorization: toAuthorizationResponse(stored, this.options.publicUrl) };
  }
}

function conflict(): AuthorizeCardResult {
  return {
    error: new ProcessorException(
      'PROCESSOR_IDEMPOTENCY_KEY_CONFLICT',
      'This idempotency key was used for a different authorization (card, amount or currency): use a new key',
      'idempotencyKey',
    ),
  };
}

function requestHash(command: AuthorizeCardCommand): string {
  return createHash('sha256').update(`${command.cardId}|${command.amount}|${command.currency}`).digest('base64url');
}
