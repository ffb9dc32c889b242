import safeRegex from 'safe-regex2';
import { FeatureType } from '../features/feature-catalogue';
import { Literal, RuleExpression, SourceSpan, ValueExpression } from './rule-ast';
import { RuleError } from './rule-error';

type ValueType = FeatureType | 'null';

/**
 * Checks a parsed condition against the feature catalogue: every feature exists, comparisons compare like with
 * like, regular expressions are valid and cannot backtrack catastrophically. Returns the features it reads.
 */
export function checkRuleTypes(ruleId: string, expression: RuleExpression, catalogue: ReadonlyMap<string, FeatureType>): Set<string> {
  const features = new Set<string>();
  const fail = (at: SourceSpan, problem: string): never => {
    throw new RuleError(ruleId, at.line, at.column, problem);
  };

  const valueType = (value: ValueExpression): ValueType => {
    switch (value.kind) {
      case 'literal':
        return literalType(value.value);
      case 'feature': {
        const type = catalogue.get(value.name);
        if (!type) fail(value.at, `unknown feature "${value.name}"${suggestion(value.name, catalogue)}`);
        features.add(value.name);
        return type as FeatureType;
      }
      case 'arithmetic': {
        for (const side of [value.left, value.right]) {
          const type = valueType(side);
          if (type !== 'number') fail(side.at, `expected a number for "${value.operator}", found a ${type}`);
        }
        return 'number';
      }
    }
  };

  const expectNumber = (value: ValueExpression, what: string) => {
    const type = valueType(value);
    if (type !== 'number') fail(value.at, `expected a number ${what}, found a ${type}`);
  };

  const check = (node: RuleExpression): void => {
    switch (node.kind) {
      case 'or':
      case 'and':
        node.operands.forEach(check);
        return;
      case 'not':
        check(node.operand);
        return;
      case 'compare': {
        const left = valueType(node.left);
        const right = valueType(node.right);
        if (node.operator === '==' || node.operator === '!=') {
          if (left !== right && left !== 'null' && right !== 'null') {
            fail(node.at, `cannot compare a ${left} with a ${right}`);
          }
        } else {
          if (left !== 'number') fail(node.left.at, `expected a number before "${node.operator}", found a ${left}`);
          if (right !== 'number') fail(node.right.at, `expected a number after "${node.operator}", found a ${right}`);
        }
        return;
      }
      case 'between':
        expectNumber(node.value, 'before "between"');
        expectNumber(node.low, 'as the lower bound');
        expectNumber(node.high, 'as the upper bound');
        return;
      case 'in': {
        const type = valueType(node.value);
        const stray = node.list.find((item) => literalType(item) !== type);
        if (stray !== undefined) fail(node.at, `the list mixes ${literalType(stray)} ${JSON.stringify(stray)} into a list for a ${type}`);
        return;
      }
      case 'matches': {
        const type = valueType(node.value);
        if (type !== 'string') fail(node.value.at, `"matches" needs a string, found a ${type}`);
        let pattern: RegExp;
        try {
          pattern = new RegExp(node.pattern, node.flags);
        } catch (error) {
          return fail(node.at, `invalid regular expression: ${(error as Error).message}`);
        }
        if (!safeRegex(pattern)) fail(node.at, `the regular expression /${node.pattern}/ may backtrack catastrophically`);
        return;
      }
      case 'is-missing':
        valueType(node.value);
        return;
      case 'truthy': {
        const type = valueType(node.value);
        if (type !== 'boolean') fail(node.at, `expected a condition, found a ${type} on its own (compare it with something)`);
        return;
      }
    }
  };

  check(expression);
  return features;
}

function literalType(value: Literal): ValueType {
  if (value === null) return 'null';
  return typeof value as FeatureType;
}

function suggestion(name: string, catalogue: ReadonlyMap<string, FeatureType>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of catalogue.keys()) {
    const distance = editDistance(name, known);
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
