import { IsIn, IsISO8601, IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

/** Why a recurring definition stopped billing. */
export const DEFINITION_STOP_REASONS = ['card_closed'] as const;

export class DefinitionStoppedV1Payload {
  /** The recurring definition that no longer bills. */
  @IsString()
  @Length(1, 128)
  definitionId: string;

  /** The member the definition billed. */
  @IsUUID()
  memberId: string;

  /** The card reference it billed; never a card number. */
  @IsString()
  @Length(1, 64)
  cardRef: string;

  /** card_closed: the card refresh answered that the account is closed. */
  @IsIn(DEFINITION_STOP_REASONS)
  reason: string;

  @IsISO8601({ strict: true })
  stoppedAt: string;
}

export const DefinitionStoppedV1 = defineEvent({
  type: 'recurring.definition.stopped',
  version: 1,
  payload: DefinitionStoppedV1Payload,
  description: 'A recurring definition stopped billing (its card account was closed): the merchant should ask the member for a new card.',
});
