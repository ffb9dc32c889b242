import type { AuthorizationResponse } from '@kessai/processor-contracts';
import type { AuthorizationEntity } from '@kessai/processor-data-access';

export function toAuthorizationResponse(entity: AuthorizationEntity, publicUrl: string): AuthorizationResponse {
  return {
    authorizationId: entity.id,
    merchantId: entity.merchantId,
    cardId: entity.cardId,
    amount: entity.amount,
    currency: entity.currency,
    status: entity.status,
    reasonCode: entity.reasonCode,
    reason: entity.reason,
    ...(entity.status === 'challenge_required' && { challengeUrl: `${publicUrl}/v1/challenges/${entity.id}` }),
    createdAt: entity.createdAt.toISOString(),
  };
}
