import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IDENTITY_KINDS, IdentityKind } from '@kessai/screening-domain';

export class AddListEntryRequestDto {
  @IsIn(IDENTITY_KINDS)
  identity: IdentityKind;

  /** A card reference (never a card number), an E.164 phone, an e-mail address, an IP or a device id. */
  @IsString()
  @Length(1, 256)
  value: string;

  @IsOptional()
  @IsString()
  @Length(0, 500)
  reason?: string;
}
