import { IsOptional, IsString, Length } from 'class-validator';

export class CancelBillRequestDto {
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
