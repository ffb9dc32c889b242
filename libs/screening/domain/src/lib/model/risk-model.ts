import { FeatureValues } from '../features/feature-catalogue';

/** How a feature value becomes a model input. */
export type ModelInput =
  /** Numeric feature, standardized: (value − mean) / scale; log1p first when `log` (amounts, counts). */
  | { feature: string; kind: 'numeric'; weight: number; mean: number; scale: number; log?: boolean }
  /** 1 when the feature equals `equals` (a category or a boolean), else 0. */
  | { feature: string; kind: 'indicator'; weight: number; equals: string | number | boolean };

/** A logistic-regression model as `tools/screening/train-risk-model.ts` writes it. */
export interface RiskModelFile {
  kind: 'logistic-regression';
  /** Part of every decision, so a decision can be traced to the model that scored it. */
  version: string;
  intercept: number;
  inputs: ModelInput[];
}

/**
 * Scores a payment: the probability (0–1) that it will not be honoured (chargeback, unpaid). A missing numeric
 * feature counts as its mean, a missing category as absent.
 */
export class RiskModel {
  private constructor(private readonly file: RiskModelFile) {}

  static fromFile(raw: unknown): RiskModel {
    const file = raw as RiskModelFile;
    if (!file || file.kind !== 'logistic-regression') throw new Error('The model file is not a logistic-regression model');
    if (typeof file.version !== 'string' || file.version.length === 0) throw new Error('The model file has no version');
    if (!Number.isFinite(file.intercept) || !Array.isArray(file.inputs)) throw new Error('The model file has no intercept or inputs');
    for (const [i, input] of file.inputs.entries()) {
      if (typeof input.feature !== 'string' || !Number.isFinite(input.weight)) throw new Error(`Model input ${i} is malformed`);
      if (input.kind === 'numeric' && !(Number.isFinite(input.mean) && input.scale > 0)) {
        throw new Error(`Model input ${i} (${input.feature}) needs a mean and a positive scale`);
      }
      if (input.kind !== 'numeric' && input.kind !== 'indicator') throw new Error(`Model input ${i} has an unknown kind`);
    }
    return new RiskModel(file);
  }

  get version(): string {
    return this.file.version;
  }

  score(features: FeatureValues): number {
    let logit = this.file.intercept;
    for (const input of this.file.inputs) logit += input.weight * inputValue(input, features[input.feature]);
    return 1 / (1 + Math.exp(-logit));
  }
}

/** The value a model input takes for one payment; shared with the training script so both agree. */
export function inputValue(input: ModelInput, value: FeatureValues[string]): number {
  if (input.kind === 'indicator') return value === input.equals ? 1 : 0;
  if (typeof value !== 'number') return 0;
  const raw = input.log ? Math.log1p(Math.max(0, value)) : value;
  return (raw - input.mean) / input.scale;
}
