import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class SignInRequestDto {
  @IsOptional()
  @IsString()
  _csrf?: string;

  @IsString()
  @Length(1, 64)
  merchantId: string;

  @IsString()
  @Length(1, 254)
  email: string;

  @IsString()
  @Length(1, 256)
  password: string;

  /** Where to go after signing in: a console path only (no open redirect). */
  @IsOptional()
  @Matches(/^(\/console(\/[\w\-./?=&%]*)?)?$/)
  next?: string;
}

export class SecondFactorRequestDto {
  @IsOptional()
  @IsString()
  _csrf?: string;

  @IsString()
  @Length(1, 12)
  code: string;

  @IsOptional()
  @Matches(/^(\/console(\/[\w\-./?=&%]*)?)?$/)
  next?: string;
}
