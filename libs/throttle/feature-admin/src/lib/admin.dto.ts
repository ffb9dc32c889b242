import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '@kessai/throttle-domain';

export class IssueApiKeyRequestDto {
  @IsIn(API_KEY_MODES)
  mode: ApiKeyMode;
}

export class RotateApiKeyRequestDto {
  /** How long the old key keeps working after the rotation (default 24 h, at most 30 days). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30 * 24 * 3600)
  overlapSeconds = 86400;
}

export class LimitPolicyDto {
  @IsNumber()
  @Min(0)
  @Max(100000)
  ratePerSecond: number;

  @IsNumber()
  @Min(1)
  @Max(100)
  burstMultiple: number;

  @IsInt()
  @Min(0)
  @Max(100000)
  concurrency: number;

  @IsNumber()
  @Min(0)
  @Max(0.9)
  reservedShare: number;

  @IsBoolean()
  shadow: boolean;
}

export class MerchantLimitsRequestDto {
  @ValidateNested()
  @Type(() => LimitPolicyDto)
  merchant: LimitPolicyDto;

  /** Per payment method (`card`, `konbini`, ...); validated by the domain policy rules. */
  @IsOptional()
  @IsObject()
  paymentMethods: Record<string, LimitPolicyDto> = {};
}
