// The same rules in json-rules-engine form, translated from Kessai's syntax trees, for the side-by-side run.
import { Engine, NestedCondition, TopLevelCondition } from 'json-rules-engine';
import { parseRuleCondition, RuleDefinition, RuleExpression, ValueExpression } from '@kessai/screening-domain';

const OPERATORS: Record<string, string> = {
  '==': 'equal',
  '!=': 'notEqual',
  '<': 'lessThan',
  '<=': 'lessThanInclusive',
  '>': 'greaterThan',
  '>=': 'greaterThanInclusive',
};

export function jsonRulesEngineFor(rules: RuleDefinition[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('matches', (value: unknown, pattern: string) => typeof value === 'string' && new RegExp(pattern).test(value));
  for (const rule of rules) {
    engine.addRule({
      name: rule.id,
      conditions: topLevel(translate(parseRuleCondition(rule.id, rule.when))),
      event: { type: rule.action, params: { id: rule.id } },
    });
  }
  return engine;
}

function topLevel(condition: NestedCondition): TopLevelCondition {
  return 'all' in condition || 'any' in condition || 'not' in condition ? (condition as TopLevelCondition) : { all: [condition] };
}

function translate(node: RuleExpression): NestedCondition {
  switch (node.kind) {
    case 'and':
      return { all: node.operands.map(translate) };
    case 'or':
      return { any: node.operands.map(translate) };
    case 'not':
      return { not: translate(node.operand) };
    case 'compare':
      return { fact: feature(node.left), operator: OPERATORS[node.operator], value: literal(node.right) as never };
    case 'between':
      return {
        all: [
          { fact: feature(node.value), operator: 'greaterThanInclusive', value: literal(node.low) as never },
          { fact: feature(node.value), operator: 'lessThanInclusive', value: literal(node.high) as never },
        ],
      };
    case 'in':
      return { fact: feature(node.value), operator: node.negated ? 'notIn' : 'in', value: node.list as never };
    case 'matches':
      return { fact: feature(node.value), operator: 'matches', value: node.pattern };
    case 'truthy':
      return { fact: feature(node.value), operator: 'equal', value: true };
    case 'is-missing':
      throw new Error('is missing has no json-rules-engine form');
  }
}

function feature(value: ValueExpression): string {
  if (value.kind !== 'feature') throw new Error('the peer translation compares features with literals only');
  return value.name;
}

/** A literal, or another feature (json-rules-engine's `{ fact }` value). */
function literal(value: ValueExpression): string | number | boolean | { fact: string } {
  if (value.kind === 'feature') return { fact: value.name };
  if (value.kind !== 'literal' || value.value === null) throw new Error('the peer translation compares features with literals only');
  return value.value;
}
