import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { BillingException } from '@kessai/billing-domain';
import { isUuidV7 } from '@kessai/shared-ids';

/** Keyset pagination on time-ordered ids: `cursor` is the `nextCursor` of the previous page. */
export class PageRequestDto {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** The id after which the page starts, from a cursor this API gave out. */
export function afterIdOf(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const afterId = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuidV7(afterId)) throw new BillingException('BILLING_CURSOR_INVALID', 'cursor is not a nextCursor this API returned', 'cursor');
  return afterId;
}

export function cursorOf(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}
