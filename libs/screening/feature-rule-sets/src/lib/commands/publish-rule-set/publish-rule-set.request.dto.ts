import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { RULE_ACTIONS, RuleAction } from '@kessai/screening-domain';

export class RuleDto {
  @IsString()
  @Length(1, 64)
  id: string;

  @IsIn(RULE_ACTIONS)
  action: RuleAction;

  @IsString()
  @Length(1, 4000)
  when: string;

  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string;
}

export class PublishRuleSetRequestDto {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50_000)
  @ValidateNested({ each: true })
  @Type(() => RuleDto)
  rules: RuleDto[];

  /** What changed and why, for the history. */
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  note?: string;
}
