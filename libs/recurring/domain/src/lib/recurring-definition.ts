import { Currency, Money } from '@kessai/shared-money';
import { Cycle } from './cycle';
import { RecurringException } from './recurring.exception';

/** A standing instruction: charge this member's card this amount on this day of every cycle from start to end. */
export interface RecurringDefinition {
  id: string;
  shopId: string;
  memberId: string;
  /** The processor's card reference; never a card number. */
  cardRef: string;
  amount: Money;
  dayOfCycle: number;
  startCycle: Cycle;
  /** Last cycle charged, inclusive; none = until stopped. */
  endCycle: Cycle | null;
}

export function recurringDefinition(input: {
  id: string;
  shopId: string;
  memberId: string;
  cardRef: string;
  amount: number;
  currency: string;
  dayOfCycle: number;
  startCycle: string;
  endCycle?: string | null;
}): RecurringDefinition {
  const invalid = (message: string, field: string) => new RecurringException('RECURRING_DEFINITION_INVALID', message, field);
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw invalid('amount must be a positive whole number of minor units', 'amount');
  if (!Currency.isValid(input.currency)) throw invalid(`"${input.currency}" is not an ISO 4217 currency`, 'currency');
  if (!Number.isInteger(input.dayOfCycle) || input.dayOfCycle < 1 || input.dayOfCycle > 31) throw invalid('dayOfCycle must be 1 to 31', 'dayOfCycle');
  if (!/^[\x21-\x7e]{1,64}$/.test(input.cardRef)) throw invalid('cardRef must be a processor card reference', 'cardRef');
  const startCycle = Cycle.of(input.startCycle);
  const endCycle = input.endCycle ? Cycle.of(input.endCycle) : null;
  if (endCycle && endCycle.compare(startCycle) < 0) throw invalid('endCycle must not be before startCycle', 'endCycle');
  return {
    id: input.id,
    shopId: input.shopId,
    memberId: input.memberId,
    cardRef: input.cardRef,
    amount: Money.of(input.amount, input.currency),
    dayOfCycle: input.dayOfCycle,
    startCycle,
    endCycle,
  };
}

export function isDefinitionActiveIn(definition: RecurringDefinition, cycle: Cycle): boolean {
  return definition.startCycle.compare(cycle) <= 0 && (definition.endCycle === null || definition.endCycle.compare(cycle) >= 0);
}
