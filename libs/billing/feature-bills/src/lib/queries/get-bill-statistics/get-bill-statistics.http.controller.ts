import { Controller, Get, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { BillStatisticsResponse } from '@kessai/billing-contracts';
import { BillEntity, PaymentAttemptEntity } from '@kessai/billing-data-access';
import { Clock } from '@kessai/shared-clock';
import { MerchantId } from '@kessai/shared-service-runtime';

export class BillStatisticsRequestDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(92)
  days?: number;
}

/**
 * The merchant's figures for its dashboard, by Japan-time day over the last `days` days: bills sent and paid,
 * the payment methods bills were paid with, and why payment attempts failed. Counted by the database.
 */
@Controller('bill-statistics')
export class GetBillStatisticsHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get()
  async get(@MerchantId() merchantId: string, @Query() query: BillStatisticsRequestDto): Promise<BillStatisticsResponse> {
    const days = query.days ?? 14;
    const bill = this.dataSource.getMetadata(BillEntity).tablePath;
    const attempt = this.dataSource.getMetadata(PaymentAttemptEntity).tablePath;
    const now = this.clock.now();
    const from = new Date(now.getTime() - days * 86_400_000);
    const perDay = await this.dataSource.query<{ day: string; sent: string; paid: string }[]>(
      `WITH days AS (
         SELECT to_char(d, 'YYYY-MM-DD') AS day FROM generate_series(($2::timestamptz AT TIME ZONE 'Asia/Tokyo')::date + 1, ($3::timestamptz AT TIME ZONE 'Asia/Tokyo')::date, interval '1 day') AS d
       ), sent AS (
         SELECT to_char(sent_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS day, count(*) AS n FROM ${bill} WHERE merchant_id = $1 AND sent_at > $2 GROUP BY 1
       ), paid AS (
         SELECT to_char(paid_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS day, count(*) AS n FROM ${bill} WHERE merchant_id = $1 AND paid_at > $2 GROUP BY 1
       )
       SELECT days.day, coalesce(sent.n, 0) AS sent, coalesce(paid.n, 0) AS paid FROM days LEFT JOIN sent USING (day) LEFT JOIN paid USING (day) ORDER BY days.day`,
      [merchantId, from, now],
    );
    const methods = await this.dataSource.query<{ method: string; count: string }[]>(
      `SELECT payment_method AS method, count(*) AS count FROM ${bill} WHERE merchant_id = $1 AND paid_at > $2 AND payment_method IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
      [merchantId, from],
    );
    const reasons = await this.dataSource.query<{ reason: string; count: string }[]>(
      `SELECT coalesce(a.reason_code, 'unknown') AS reason, count(*) AS count FROM ${attempt} a JOIN ${bill} b ON b.id = a.bill_id
       WHERE b.merchant_id = $1 AND a.outcome = 'failed' AND a.occurred_at > $2 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
      [merchantId, from],
    );
    return {
      days: perDay.map((row) => ({ date: row.day, sent: Number(row.sent), paid: Number(row.paid) })),
      paymentMethods: methods.map((row) => ({ method: row.method, count: Number(row.count) })),
      declineReasons: reasons.map((row) => ({ reason: row.reason, count: Number(row.count) })),
    };
  }
}
