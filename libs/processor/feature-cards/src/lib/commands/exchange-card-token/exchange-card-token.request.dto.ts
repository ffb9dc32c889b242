import { IsString, Matches } from 'class-validator';

export class ExchangeCardTokenRequestDto {
  @IsString()
  @Matches(/^tok_[\w-]{10,64}$/, { message: 'token must be a token from /v1/tokens (tok_...)' })
  token: string;

  @Matches(/^[\w-]{1,64}$/, { message: 'merchantId must be 1 to 64 letters, digits, _ or -' })
  merchantId: string;
}
