import { generate, GrammarError, Parser } from 'peggy';
import { RuleExpression } from './rule-ast';
import { RULE_CONDITION_GRAMMAR } from './rule-condition.grammar';
import { RuleError } from './rule-error';

let parser: Parser | undefined;

function conditionParser(): Parser {
  parser ??= generate(RULE_CONDITION_GRAMMAR);
  return parser;
}

interface PeggySyntaxError {
  message: string;
  location: { start: { line: number; column: number } };
}

/** Parses a rule's condition text into its syntax tree; a syntax error names the position and what was expected. */
export function parseRuleCondition(ruleId: string, condition: string): RuleExpression {
  try {
    return conditionParser().parse(condition) as RuleExpression;
  } catch (error) {
    if (error instanceof GrammarError || !isSyntaxError(error)) throw error;
    const { line, column } = error.location.start;
    throw new RuleError(ruleId, line, column, error.message.replace(/\.$/, ''));
  }
}

function isSyntaxError(error: unknown): error is PeggySyntaxError {
  return typeof error === 'object' && error !== null && 'location' in error && 'message' in error;
}
