import { FEATURE_CATALOGUE, FeatureType, FeatureValues } from '../features/feature-catalogue';
import { Literal } from './rule-ast';
import { checkRuleTypes } from './check-rule-types';
import { RULES_PER_CHUNK, RuleCodeGenerator } from './generate-rule-code';
import { parseRuleCondition } from './parse-rule-condition';
import { RuleError } from './rule-error';

/**
 * What a rule asks for when its condition holds. Precedence, highest first: `allow` (approve, whatever else
 * fired: allow lists), `decline`, `review`, `approve`. When no rule fires, the payment is approved.
 */
export const RULE_ACTIONS = ['allow', 'decline', 'review', 'approve'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];
export type Decision = 'approve' | 'review' | 'decline';

export interface RuleDefinition {
  /** Stable name, e.g. `decline-blocked-card`: lowercase letters, digits and dashes. */
  id: string;
  action: RuleAction;
  /** The condition, in the rule language (docs/screening-rules.md). */
  when: string;
  description?: string;
}

export interface FiredRule {
  id: string;
  action: RuleAction;
  description?: string;
  /** The values of the features the rule's condition reads: why it fired. */
  features: Record<string, string | number | boolean | null>;
}

export interface RuleEvaluation {
  decision: Decision;
  /** The rule whose action decided, absent when none fired. */
  decidedBy?: string;
  fired: FiredRule[];
}

type Evaluate = (features: FeatureValues, fired: number[]) => void;
type Explain = (features: FeatureValues) => FiredRule['features'];

const RULE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const PRECEDENCE: Record<RuleAction, number> = { allow: 0, decline: 1, review: 2, approve: 3 };

/** A rule set compiled to one JavaScript function: evaluating thousands of rules takes microseconds. */
export class CompiledRuleSet {
  private constructor(
    private readonly rules: RuleDefinition[],
    private readonly explainers: Explain[],
    private readonly run: Evaluate,
  ) {}

  /** Parses, checks and compiles every rule; the first bad one stops it with its id, position and problem. */
  static compile(rules: RuleDefinition[], catalogue: ReadonlyMap<string, FeatureType> = FEATURE_CATALOGUE): CompiledRuleSet {
    const seen = new Set<string>();
    const conditions = rules.map((rule) => {
      if (!RULE_ID.test(rule.id)) throw new RuleError(String(rule.id), 1, 1, 'a rule id is 1–64 lowercase letters, digits and dashes');
      if (seen.has(rule.id)) throw new RuleError(rule.id, 1, 1, 'another rule has the same id');
      seen.add(rule.id);
      if (!RULE_ACTIONS.includes(rule.action)) {
        throw new RuleError(rule.id, 1, 1, `expected an action (${RULE_ACTIONS.join(', ')}), found "${rule.action}"`);
      }
      return parseRuleCondition(rule.id, rule.when);
    });
    const featuresByRule = conditions.map((condition, i) => [...checkRuleTypes(rules[i].id, condition, catalogue)]);
    const generator = new RuleCodeGenerator();
    const bodies: string[] = [];
    for (let first = 0; first < conditions.length; first += RULES_PER_CHUNK) {
      bodies.push(generator.chunkBody(conditions.slice(first, first + RULES_PER_CHUNK), first));
    }
    // The source comes from checked syntax trees, never from rule text (see RuleCodeGenerator).
    const chunks = bodies.map((body) =>
      (new Function('regexes', 'sets', `return function evaluateChunk(features, fired) {\n${body}\n};`) as (
        regexes: RegExp[],
        sets: Set<Literal>[],
      ) => Evaluate)(generator.regexes, generator.sets),
    );
    const evaluate: Evaluate = (features, fired) => {
      for (let i = 0; i < chunks.length; i++) chunks[i](features, fired);
    };
    const explainers = featuresByRule.map(explainerFor);
    // Run every generated function once now, so V8 has compiled them before the first payment needs them.
    evaluate({}, []);
    for (const explain of explainers) explain({});
    return new CompiledRuleSet(rules, explainers, evaluate);
  }

  get size(): number {
    return this.rules.length;
  }

  evaluate(features: FeatureValues): RuleEvaluation {
    const firedIndexes: number[] = [];
    this.run(features, firedIndexes);
    let deciding: RuleDefinition | undefined;
    const fired = firedIndexes.map((index) => {
      const rule = this.rules[index];
      if (!deciding || PRECEDENCE[rule.action] < PRECEDENCE[deciding.action]) deciding = rule;
      return {
        id: rule.id,
        action: rule.action,
        description: rule.description,
        features: this.explainers[index](features),
      };
    });
    const decision: Decision = !deciding ? 'approve' : deciding.action === 'allow' ? 'approve' : deciding.action;
    return { decision, decidedBy: deciding?.id, fired };
  }
}

/**
 * The values a fired rule's condition read, as one object literal built by generated code: a payment that
 * fires hundreds of rules must not spend more on its explanation than on its rules. Names are catalogue
 * features, written with JSON.stringify.
 */
function explainerFor(featureNames: string[]): Explain {
  const entries = featureNames.map((name) => `${JSON.stringify(name)}: features[${JSON.stringify(name)}] ?? null`);
  return new Function('features', `"use strict"; return { ${entries.join(', ')} };`) as Explain;
}
