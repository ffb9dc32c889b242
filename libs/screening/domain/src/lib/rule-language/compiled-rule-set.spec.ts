import { FeatureValues } from '../features/feature-catalogue';
import { CompiledRuleSet, RuleDefinition } from './compiled-rule-set';
import { RuleError } from './rule-error';

const holds = (when: string, features: FeatureValues): boolean =>
  CompiledRuleSet.compile([{ id: 'probe', action: 'review', when }]).evaluate(features).fired.length === 1;

const compileError = (rules: RuleDefinition[]): RuleError => {
  try {
    CompiledRuleSet.compile(rules);
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('expected the rules to be rejected');
};

describe('the rule language', () => {
  it.each([
    ['amount > 1000', { amount: 1500 }, true],
    ['amount > 1000', { amount: 1000 }, false],
    ['amount >= 1000 and amount <= 2000', { amount: 2000 }, true],
    ['amount between 1000 and 2000', { amount: 2001 }, false],
    ['amount between 1000 and 2000', { amount: 1000 }, true],
    ['payment_method == "card"', { payment_method: 'card' }, true],
    ['payment_method != "card"', { payment_method: 'konbini' }, true],
    ['billing_country in ["JP", "KR"]', { billing_country: 'KR' }, true],
    ['billing_country not in ["JP", "KR"]', { billing_country: 'JP' }, false],
    ['email matches /@example\\.(com|jp)$/', { email: 'a@example.jp' }, true],
    ['email matches /@EXAMPLE\\.com$/i', { email: 'a@example.com' }, true],
    ['list.block.card', { 'list.block.card': true }, true],
    ['not list.block.card', { 'list.block.card': false }, true],
    ['velocity.card.sum_24h + amount > 50000', { 'velocity.card.sum_24h': 40000, amount: 15000 }, true],
    ['velocity.card.count_1h * 2 >= 6 or score > 0.9', { 'velocity.card.count_1h': 1, score: 0.95 }, true],
    ['(amount > 100 or score > 0.5) and not addresses_match', { amount: 200, addresses_match: false }, true],
    ['device_id is missing', {}, true],
    ['device_id is not missing', { device_id: 'd-1' }, true],
    ['hour_of_day between 1 and 5 and amount > -1', { hour_of_day: 3, amount: 0 }, true],
  ])('%s holds for %j: %s', (when, features, expected) => {
    expect(holds(when, features)).toBe(expected);
  });

  it('says nothing about a feature it does not know: every test on a missing value is false', () => {
    expect(holds('amount > 1000', {})).toBe(false);
    expect(holds('payment_method != "card"', {})).toBe(false);
    expect(holds('billing_country not in ["JP"]', { billing_country: null })).toBe(false);
    expect(holds('email matches /x/', {})).toBe(false);
    expect(holds('list.block.card', {})).toBe(false);
    expect(holds('amount between 1 and 10', {})).toBe(false);
  });

  it('looks up long lists as sets and short ones by comparison, with the same answers', () => {
    const countries = ['JP', 'KR', 'TW', 'HK', 'SG', 'TH', 'VN', 'PH', 'MY', 'ID'];
    const list = `[${countries.map((c) => `"${c}"`).join(', ')}]`;
    expect(holds(`billing_country in ${list}`, { billing_country: 'ID' })).toBe(true);
    expect(holds(`billing_country in ${list}`, { billing_country: 'US' })).toBe(false);
    expect(holds(`billing_country not in ${list}`, { billing_country: 'US' })).toBe(true);
    expect(holds('billing_country in []', { billing_country: 'US' })).toBe(false);
  });

  it('writes string literals into the code safely, whatever they contain', () => {
    const hostile = 'x"); process.exit(1); ("';
    expect(holds(`email == "${hostile.replace(/"/g, '\\"')}"`, { email: hostile })).toBe(true);
  });
});

describe('CompiledRuleSet decisions', () => {
  const rules: RuleDefinition[] = [
    { id: 'allow-trusted-email', action: 'allow', when: 'list.allow.email' },
    { id: 'decline-blocked-card', action: 'decline', when: 'list.block.card', description: 'Card on a block list' },
    { id: 'review-large-first-payment', action: 'review', when: 'amount >= 100000 and velocity.card.count_30d == 0' },
    { id: 'approve-small', action: 'approve', when: 'amount < 3000' },
  ];
  const ruleSet = CompiledRuleSet.compile(rules);

  it('approves when no rule fires', () => {
    expect(ruleSet.evaluate({ amount: 5000 })).toEqual({ decision: 'approve', decidedBy: undefined, fired: [] });
  });

  it('lets decline win over review and approve, and explains with the feature values', () => {
    const evaluation = ruleSet.evaluate({
      amount: 120000,
      'velocity.card.count_30d': 0,
      'list.block.card': true,
      email: 'someone@example.com',
    });
    expect(evaluation.decision).toBe('decline');
    expect(evaluation.decidedBy).toBe('decline-blocked-card');
    expect(evaluation.fired).toEqual([
      { id: 'decline-blocked-card', action: 'decline', description: 'Card on a block list', features: { 'list.block.card': true } },
      {
        id: 'review-large-first-payment',
        action: 'review',
        description: undefined,
        features: { amount: 120000, 'velocity.card.count_30d': 0 },
      },
    ]);
  });

  it('lets review win over approve', () => {
    expect(ruleSet.evaluate({ amount: 100000, 'velocity.card.count_30d': 0 }).decision).toBe('review');
  });

  it('lets allow win over everything and still records what else fired', () => {
    const evaluation = ruleSet.evaluate({ amount: 1000, 'list.block.card': true, 'list.allow.email': true });
    expect(evaluation.decision).toBe('approve');
    expect(evaluation.decidedBy).toBe('allow-trusted-email');
    expect(evaluation.fired.map((rule) => rule.id)).toEqual(['allow-trusted-email', 'decline-blocked-card', 'approve-small']);
  });
});

describe('rejected rules', () => {
  it('names the rule, the position and what was expected for a syntax error', () => {
    const error = compileError([{ id: 'unfinished', action: 'decline', when: 'amount > 100 and\n  (score > 0.5 or' }]);
    expect(error.ruleId).toBe('unfinished');
    expect([error.line, error.column]).toEqual([2, 18]);
    expect(error.message).toMatch(/^Rule unfinished, line 2 column 18: Expected .*feature name.* but end of input found$/);
    expect(error.code).toBe('SCREENING_RULE_INVALID');
  });

  it('points at an unknown feature and suggests the one meant', () => {
    const error = compileError([{ id: 'typo', action: 'review', when: 'amount > 1 and velocity.card.cuont_1h > 3' }]);
    expect([error.line, error.column]).toEqual([1, 16]);
    expect(error.problem).toBe('unknown feature "velocity.card.cuont_1h" (did you mean "velocity.card.count_1h"?)');
  });

  it.each([
    ['email > 5', 'expected a number before ">", found a string'],
    ['amount == "1000"', 'cannot compare a number with a string'],
    ['amount between "a" and 5', 'expected a number as the lower bound, found a string'],
    ['billing_country in ["JP", 81]', 'the list mixes number 81 into a list for a string'],
    ['amount matches /1/', '"matches" needs a string, found a number'],
    ['email matches /(a+)+$/', 'the regular expression /(a+)+$/ may backtrack catastrophically'],
    ['email matches /[/', 'invalid regular expression'],
    ['amount', 'expected a condition, found a number on its own (compare it with something)'],
    ['email + 1 > 2', 'expected a number for "+", found a string'],
  ])('rejects %s: %s', (when, problem) => {
    expect(compileError([{ id: 'wrong', action: 'review', when }]).problem).toContain(problem);
  });

  it('rejects a duplicate id, a malformed id and an unknown action', () => {
    expect(
      compileError([
        { id: 'twice', action: 'review', when: 'amount > 1' },
        { id: 'twice', action: 'review', when: 'amount > 2' },
      ]).problem,
    ).toBe('another rule has the same id');
    expect(compileError([{ id: 'Has Spaces', action: 'review', when: 'amount > 1' }]).ruleId).toBe('Has Spaces');
    expect(compileError([{ id: 'odd', action: 'block' as never, when: 'amount > 1' }]).problem).toMatch(/expected an action/);
  });
});
