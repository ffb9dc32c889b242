import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';

export class FiredRuleDto {
  @IsString()
  id: string;

  @IsIn(['allow', 'decline', 'review', 'approve'])
  action: string;

  @IsOptional()
  @IsString()
  description?: string;

  /** The feature values that made the rule fire. */
  @IsObject()
  features: Record<string, string | number | boolean | null>;
}

/** Screening's answer for a payment, with its reasons and the versions that produced it. */
export class ScreeningDecision {
  /** Kessai's id of the decision (UUIDv7). */
  @IsString()
  decisionId: string;

  @IsString()
  paymentRef: string;

  @IsIn(['approve', 'review', 'decline'])
  decision: string;

  /** The risk model's probability that the payment will not be honoured, 0–1. */
  @IsNumber()
  @Min(0)
  @Max(1)
  score: number;

  @IsString()
  modelVersion: string;

  @IsInt()
  ruleSetVersion: number;

  /** The rule whose action decided; absent when no rule fired. */
  @IsOptional()
  @IsString()
  decidedBy?: string;

  @ValidateNested({ each: true })
  @Type(() => FiredRuleDto)
  firedRules: FiredRuleDto[];
}
