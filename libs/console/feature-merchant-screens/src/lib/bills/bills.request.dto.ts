import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export const BILL_STATUSES = ['created', 'scheduled', 'sent', 'opened', 'paid', 'expired', 'canceled', 'failed'] as const;

/** The bill search form (empty fields mean "any"). */
export class BillSearchRequestDto {
  @IsOptional()
  @IsIn(['', ...BILL_STATUSES])
  status?: string;

  @IsOptional()
  @Matches(/^(|\d{4}-\d{2}-\d{2})$/, { message: 'dueDateFrom must be a date as YYYY-MM-DD' })
  dueDateFrom?: string;

  @IsOptional()
  @Matches(/^(|\d{4}-\d{2}-\d{2})$/, { message: 'dueDateTo must be a date as YYYY-MM-DD' })
  dueDateTo?: string;

  @IsOptional()
  @IsString()
  @Length(0, 64)
  merchantBillNumber?: string;

  @IsOptional()
  @IsString()
  @Length(0, 200)
  cursor?: string;

  @IsOptional()
  @IsIn(['ja', 'en'])
  lang?: string;

  @IsOptional()
  @IsIn(['canceled', 'resent'])
  done?: string;
}

export class ConsoleFormDto {
  @IsOptional()
  @IsString()
  _csrf?: string;
}

/** `?lang=` and the notice after a redirect: what every console page accepts. */
export class ConsolePageQueryDto {
  @IsOptional()
  @IsIn(['ja', 'en'])
  lang?: string;

  @IsOptional()
  @IsString()
  @Length(0, 40)
  done?: string;
}

/** Only the filled filters, as the billing API's query string. */
export function billQuery(search: BillSearchRequestDto, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const key of ['status', 'dueDateFrom', 'dueDateTo', 'merchantBillNumber', 'cursor'] as const) {
    const value = search[key];
    if (value) query.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query.toString();
}
