import { IsInt, IsString, Max, Min } from 'class-validator';

/** What the browser script posts. Never logged: the logger keeps only method and URL of a request. */
export class CreateCardTokenRequestDto {
  @IsString()
  number: string;

  @IsInt()
  @Min(1)
  @Max(12)
  expMonth: number;

  @IsInt()
  @Min(0)
  @Max(9999)
  expYear: number;

  @IsString()
  securityCode: string;
}
