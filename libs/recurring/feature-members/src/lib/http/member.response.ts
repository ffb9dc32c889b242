import type { DefinitionRecord, MemberRecord } from '@kessai/recurring-data-access';

export interface MemberResponse {
  memberId: string;
  cardRef: string | null;
  createdAt: string;
  updatedAt: string;
}

export const toMemberResponse = (member: MemberRecord): MemberResponse => ({
  memberId: member.memberId,
  cardRef: member.cardRef,
  createdAt: member.createdAt.toISOString(),
  updatedAt: member.updatedAt.toISOString(),
});

export interface DefinitionResponse {
  id: string;
  memberId: string;
  cardRef: string;
  amount: number;
  currency: string;
  dayOfCycle: number;
  startCycle: string;
  endCycle: string | null;
  /** When set, no cycle is charged any more. */
  stoppedAt: string | null;
  createdAt: string;
}

export const toDefinitionResponse = (definition: DefinitionRecord): DefinitionResponse => ({
  id: definition.id,
  memberId: definition.memberId,
  cardRef: definition.cardRef,
  amount: definition.amount,
  currency: definition.currency,
  dayOfCycle: definition.dayOfCycle,
  startCycle: definition.startCycle,
  endCycle: definition.endCycle,
  stoppedAt: definition.stoppedAt?.toISOString() ?? null,
  createdAt: definition.createdAt.toISOString(),
});

/** `?after=&limit=` of a keyset-paged list. */
export function pageOf(after: string | undefined, limit: string | undefined): { after: string; limit: number } {
  return { after: after ?? '', limit: Math.min(Math.max(Number(limit) || 100, 1), 1000) };
}
