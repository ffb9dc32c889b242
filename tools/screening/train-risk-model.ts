// Trains the screening risk model (logistic regression, batch gradient descent with L2) on synthetic payments
// and writes it where credit-screening loads it. Usage:
//   node -r @swc-node/register tools/screening/train-risk-model.ts [--out apps/credit-screening/model/risk-model.json]
import 'reflect-metadata';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { inputValue, ModelInput, RiskModel, RiskModelFile } from '@kessai/screening-domain';
import { SyntheticPayment, syntheticPayments } from './synthetic-payments';

const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : 'apps/credit-screening/model/risk-model.json';
const EPOCHS = 400;
const LEARNING_RATE = 0.5;
const L2 = 1e-4;

const inputs: ModelInput[] = [
  numeric('amount', true),
  numeric('velocity.card.count_1h'),
  numeric('velocity.card.count_30d'),
  numeric('velocity.ip.count_1h'),
  numeric('hour_of_day'),
  indicator('email_domain', 'mailinator.com'),
  indicator('addresses_match', false),
  indicator('payment_method', 'wallet'),
  indicator('payment_method', 'konbini'),
  indicator('list.block.card', true),
  ...[1, 2, 3, 4, 5].map((hour) => indicator('hour_of_day', hour)),
];

const payments = syntheticPayments(60_000, 7);
const training = payments.slice(0, 50_000);
const holdout = payments.slice(50_000);
standardize(inputs, training);
const { intercept, weights } = fit(training);
const file: RiskModelFile = {
  kind: 'logistic-regression',
  version: `risk-lr-${new Date().toISOString().slice(0, 10)}-seed7`,
  intercept,
  inputs: inputs.map((input, i) => ({ ...input, weight: weights[i] })),
};
const model = RiskModel.fromFile(file);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(file, null, 2) + '\n');
console.log(`model ${file.version} written to ${out}`);
console.log(`training: ${training.length} payments, ${rate(training)} bad; holdout: ${holdout.length}, ${rate(holdout)} bad`);
console.log(`holdout AUC ${auc(holdout, model).toFixed(3)}, log loss ${logLoss(holdout, model).toFixed(4)}`);

function numeric(feature: string, log = false): ModelInput {
  return { feature, kind: 'numeric', weight: 0, mean: 0, scale: 1, log };
}

function indicator(feature: string, equals: string | number | boolean): ModelInput {
  return { feature, kind: 'indicator', weight: 0, equals };
}

function standardize(all: ModelInput[], data: SyntheticPayment[]): void {
  for (const input of all) {
    if (input.kind !== 'numeric') continue;
    const values = data.map(({ features }) => inputValue({ ...input, mean: 0, scale: 1 }, features[input.feature]));
    input.mean = values.reduce((a, b) => a + b, 0) / values.length;
    input.scale = Math.sqrt(values.reduce((a, b) => a + (b - input.mean) ** 2, 0) / values.length) || 1;
  }
}

function fit(data: SyntheticPayment[]): { intercept: number; weights: number[] } {
  const rows = data.map(({ features }) => inputs.map((input) => inputValue(input, features[input.feature])));
  const labels = data.map(({ bad }) => (bad ? 1 : 0));
  let bias = 0;
  const weights = inputs.map(() => 0);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let biasGradient = 0;
    const gradient = weights.map(() => 0);
    rows.forEach((row, r) => {
      const error = 1 / (1 + Math.exp(-(bias + row.reduce((sum, x, i) => sum + x * weights[i], 0)))) - labels[r];
      biasGradient += error;
      row.forEach((x, i) => (gradient[i] += error * x));
    });
    bias -= (LEARNING_RATE * biasGradient) / rows.length;
    weights.forEach((w, i) => (weights[i] = w - LEARNING_RATE * (gradient[i] / rows.length + L2 * w)));
  }
  return { intercept: bias, weights };
}

function rate(data: SyntheticPayment[]): string {
  return `${((100 * data.filter((p) => p.bad).length) / data.length).toFixed(1)}%`;
}

function auc(data: SyntheticPayment[], scorer: RiskModel): number {
  const scored = data.map((p) => ({ score: scorer.score(p.features), bad: p.bad })).sort((a, b) => a.score - b.score);
  let rankSum = 0;
  scored.forEach((p, i) => p.bad && (rankSum += i + 1));
  const positives = scored.filter((p) => p.bad).length;
  const negatives = scored.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function logLoss(data: SyntheticPayment[], scorer: RiskModel): number {
  const clamp = (p: number) => Math.min(1 - 1e-12, Math.max(1e-12, p));
  return -data.reduce((sum, p) => sum + (p.bad ? Math.log(clamp(scorer.score(p.features))) : Math.log(1 - clamp(scorer.score(p.features)))), 0) / data.length;
}
