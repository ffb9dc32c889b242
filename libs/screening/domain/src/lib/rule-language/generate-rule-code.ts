import { Literal, RuleExpression, ValueExpression } from './rule-ast';

/** Lists longer than this become a Set lookup; shorter ones a chain of comparisons (faster for a few items). */
const SET_LOOKUP_FROM = 8;
/**
 * Rules per generated function. V8 leaves very large functions to its interpreter; chunks this size get
 * optimized, and calling a few dozen of them costs less than one unoptimized giant.
 */
export const RULES_PER_CHUNK = 64;

/**
 * Turns checked syntax trees into the JavaScript source of one function that evaluates every rule. Only the
 * tree is turned into code, never the rule text: feature names become local variables, literals are written
 * with JSON.stringify, regular expressions and large lists are passed in as prepared objects.
 */
export class RuleCodeGenerator {
  readonly regexes: RegExp[] = [];
  readonly sets: Set<Literal>[] = [];
  private readonly locals = new Map<string, string>();

  /**
   * Source of the body of `function (features, fired)` for the rules numbered from `firstIndex`: it pushes the
   * number of each rule whose condition holds. Each chunk reads only the features its rules use.
   */
  chunkBody(conditions: RuleExpression[], firstIndex: number): string {
    this.locals.clear();
    const tests = conditions.map((condition, i) => `  if (${this.condition(condition)}) fired.push(${firstIndex + i});`);
    const reads = [...this.locals].map(([name, local]) => `  const ${local} = features[${JSON.stringify(name)}];`);
    return ['"use strict";', ...reads, ...tests].join('\n');
  }

  private condition(node: RuleExpression): string {
    switch (node.kind) {
      case 'or':
        return `(${cheapestFirst(node.operands).map((operand) => this.condition(operand)).join(' || ')})`;
      case 'and':
        return `(${cheapestFirst(node.operands).map((operand) => this.condition(operand)).join(' && ')})`;
      case 'not':
        return `!${this.condition(node.operand)}`;
      case 'compare':
        return this.comparison(node.operator, this.value(node.left), this.value(node.right));
      case 'between': {
        const value = this.value(node.value);
        return `(${value} >= ${this.value(node.low)} && ${value} <= ${this.value(node.high)})`;
      }
      case 'in': {
        const value = this.value(node.value);
        const test = this.membership(value, node.list);
        // A missing value is in no list, and not-in no list either: rules say nothing about what is unknown.
        return node.negated ? `(${value} != null && !${test})` : test;
      }
      case 'matches': {
        const value = this.value(node.value);
        const index = this.regexes.push(new RegExp(node.pattern, node.flags)) - 1;
        return `(typeof ${value} === "string" && regexes[${index}].test(${value}))`;
      }
      case 'is-missing':
        return node.negated ? `(${this.value(node.value)} != null)` : `(${this.value(node.value)} == null)`;
      case 'truthy':
        return `(${this.value(node.value)} === true)`;
    }
  }

  /** Any comparison with a missing value is false, `!=` included. */
  private comparison(operator: string, left: string, right: string): string {
    switch (operator) {
      case '==':
        return right === 'null' ? `(${left} == null)` : `(${left} === ${right})`;
      case '!=':
        return right === 'null' ? `(${left} != null)` : `(${left} != null && ${left} !== ${right})`;
      default:
        return `(${left} ${operator} ${right})`;
    }
  }

  private membership(value: string, list: Literal[]): string {
    if (list.length === 0) return 'false';
    if (list.length < SET_LOOKUP_FROM) return `(${list.map((item) => `${value} === ${JSON.stringify(item)}`).join(' || ')})`;
    const index = this.sets.push(new Set(list)) - 1;
    return `sets[${index}].has(${value})`;
  }

  private value(node: ValueExpression): string {
    switch (node.kind) {
      case 'literal':
        return JSON.stringify(node.value);
      case 'feature':
        return this.local(node.name);
      case 'arithmetic':
        return `(${this.value(node.left)} ${node.operator} ${this.value(node.right)})`;
    }
  }

  private local(feature: string): string {
    let local = this.locals.get(feature);
    if (!local) {
      local = `f${this.locals.size}`;
      this.locals.set(feature, local);
    }
    return local;
  }
}

/**
 * Conditions have no side effects, so `and` and `or` may test their operands in any order: cheap comparisons
 * first often settle the answer before a regular expression has to run.
 */
function cheapestFirst(operands: RuleExpression[]): RuleExpression[] {
  return operands
    .map((operand, position) => ({ operand, position, cost: costOf(operand) }))
    .sort((a, b) => a.cost - b.cost || a.position - b.position)
    .map(({ operand }) => operand);
}

function costOf(node: RuleExpression): number {
  switch (node.kind) {
    case 'or':
    case 'and':
      return node.operands.reduce((sum, operand) => sum + costOf(operand), 0);
    case 'not':
      return costOf(node.operand);
    case 'in':
      return node.list.length < SET_LOOKUP_FROM ? 1 + node.list.length : 4;
    case 'matches':
      return 50;
    default:
      return 1;
  }
}
