import { RiskModel, RiskModelFile } from './risk-model';

const file: RiskModelFile = {
  kind: 'logistic-regression',
  version: 'risk-2026-11-22',
  intercept: -2,
  inputs: [
    { feature: 'amount', kind: 'numeric', weight: 1.5, mean: 8, scale: 2, log: true },
    { feature: 'payment_method', kind: 'indicator', weight: 0.5, equals: 'wallet' },
    { feature: 'list.block.card', kind: 'indicator', weight: 4, equals: true },
  ],
};

describe('RiskModel', () => {
  const model = RiskModel.fromFile(file);

  it('scores with the logistic function of the weighted inputs', () => {
    const amount = Math.expm1(10); // log1p(amount) = 10, standardized (10 − 8) / 2 = 1
    const logit = -2 + 1.5 * 1 + 0.5 * 1;
    expect(model.score({ amount, payment_method: 'wallet' })).toBeCloseTo(1 / (1 + Math.exp(-logit)), 12);
  });

  it('treats a missing number as average and a missing category as absent', () => {
    const interceptOnly = 1 / (1 + Math.exp(2));
    expect(model.score({})).toBeCloseTo(interceptOnly, 12);
    expect(model.score({ amount: Math.expm1(8) })).toBeCloseTo(interceptOnly, 12);
  });

  it('raises the score for a risk signal', () => {
    const base = { amount: 5000, payment_method: 'card' };
    expect(model.score({ ...base, 'list.block.card': true })).toBeGreaterThan(model.score(base));
  });

  it('carries its version', () => {
    expect(model.version).toBe('risk-2026-11-22');
  });

  it.each([
    [{ ...file, kind: 'tree' }, /not a logistic-regression/],
    [{ ...file, version: '' }, /no version/],
    [{ ...file, inputs: [{ feature: 'amount', kind: 'numeric', weight: 1, mean: 0, scale: 0 }] }, /positive scale/],
  ])('refuses a malformed model file (%#)', (raw, message) => {
    expect(() => RiskModel.fromFile(raw)).toThrow(message);
  });
});
