import { CodedError } from '@kessai/shared-errors';

/** A rule that cannot be used: which rule, where in its condition, and what was expected there. */
export class RuleError extends CodedError {
  readonly code = 'SCREENING_RULE_INVALID';

  constructor(
    readonly ruleId: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`Rule ${ruleId}, line ${line} column ${column}: ${problem}`, `rules.${ruleId}`);
  }
}
