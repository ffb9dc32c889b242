import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class SaveMemberRequestDto {
  /** The processor card reference charged by default (from the payment screen or the processor); never a card number. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @Matches(/^(?!\d{12,19}$)[\x21-\x7e]+$/, { message: 'cardRef must be a processor card reference, never a card number' })
  cardRef?: string;
}
