import { Inject, Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { RiskModel } from '@kessai/screening-domain';
import { SCREENING_OPTIONS, ScreeningOptions } from '../screening.options';

/** The risk model, read once at start-up from the file the training script wrote. */
@Injectable()
export class RiskModelProvider {
  readonly model: RiskModel;

  constructor(@Inject(SCREENING_OPTIONS) options: ScreeningOptions) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(options.modelPath, 'utf8'));
    } catch (error) {
      throw new Error(`Cannot read the risk model at ${options.modelPath}: ${(error as Error).message}`);
    }
    this.model = RiskModel.fromFile(raw);
  }
}
