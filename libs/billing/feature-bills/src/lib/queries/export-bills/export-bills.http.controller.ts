import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { BillEntity } from '@kessai/billing-data-access';
import { BILL_STATUSES, BillStatus } from '@kessai/billing-domain';
import { MerchantId } from '@kessai/shared-service-runtime';
import { BILLING_OPTIONS, BillingOptions } from '../../billing.options';
import { paymentLinkUrl } from '../../http/bill.response';
import { streamQueryAsCsv } from '@kessai/shared-csv';

export class ExportBillsRequestDto {
  @IsOptional()
  @IsIn(BILL_STATUSES)
  status?: BillStatus;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDateFrom must be a date as YYYY-MM-DD' })
  dueDateFrom?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDateTo must be a date as YYYY-MM-DD' })
  dueDateTo?: string;
}

const COLUMNS = [
  'id',
  'merchantBillNumber',
  'status',
  'amount',
  'currency',
  'taxAmount',
  'dueDate',
  'customerName',
  'customerPhone',
  'paymentLink',
  'createdAt',
  'sentAt',
  'openedAt',
  'paidAt',
  'paymentId',
  'paymentMethod',
  'closedAt',
  'closedReason',
  'failedPaymentAttempts',
];

/** The merchant's bills with status and payment details, streamed as CSV (a million rows, constant memory). */
@Controller('bill-exports')
export class ExportBillsHttpController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(BILLING_OPTIONS) private readonly options: BillingOptions,
  ) {}

  @Get('bills.csv')
  async export(@MerchantId() merchantId: string, @Query() query: ExportBillsRequestDto, @Res() response: Response): Promise<void> {
    const where = ['merchant_id = $1'];
    const params: unknown[] = [merchantId];
    if (query.status) where.push(`status = $${params.push(query.status)}`);
    if (query.dueDateFrom) where.push(`due_date >= $${params.push(query.dueDateFrom)}`);
    if (query.dueDateTo) where.push(`due_date <= $${params.push(query.dueDateTo)}`);
    const table = this.dataSource.getMetadata(BillEntity).tablePath;
    const publicUrl = this.options.paymentScreenPublicUrl;
    await streamQueryAsCsv(this.dataSource, response, 'bills.csv', {
      sql: `SELECT id, merchant_bill_number AS "merchantBillNumber", status, amount, currency, tax_amount AS "taxAmount",
                   to_char(due_date, 'YYYY-MM-DD') AS "dueDate", customer_name AS "customerName", customer_phone AS "customerPhone",
                   payment_link_token AS token, created_at AS "createdAt", sent_at AS "sentAt", opened_at AS "openedAt",
                   paid_at AS "paidAt", payment_id AS "paymentId", payment_method AS "paymentMethod", closed_at AS "closedAt",
                   closed_reason AS "closedReason", failed_payment_attempts AS "failedPaymentAttempts"
            FROM ${table} WHERE ${where.join(' AND ')} ORDER BY id`,
      params,
      columns: COLUMNS.map((key) => ({ key, header: key })),
      row: (row) => ({ ...row, paymentLink: row.token ? paymentLinkUrl(publicUrl, row.token as string) : '' }),
    });
  }
}
