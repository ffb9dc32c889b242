import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { BillImportEntity, BillImportRepository } from '@kessai/billing-data-access';
import { BillingException } from '@kessai/billing-domain';
import { MerchantId } from '@kessai/shared-service-runtime';
import { BillImportResponse, toBillImportResponse } from '../../http/bill-import.response';
import { streamQueryAsCsv } from '@kessai/shared-csv';

@Controller('bill-imports')
export class GetBillImportHttpController {
  constructor(
    private readonly imports: BillImportRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** Status and counts; they move while the import runs. */
  @Get(':importId')
  async get(@MerchantId() merchantId: string, @Param('importId', new ParseUUIDPipe()) importId: string): Promise<BillImportResponse> {
    return toBillImportResponse(await this.importOf(merchantId, importId));
  }

  /** The error report: line, column and reason of every refused line, as CSV. */
  @Get(':importId/errors.csv')
  async errors(@MerchantId() merchantId: string, @Param('importId', new ParseUUIDPipe()) importId: string, @Res() response: Response): Promise<void> {
    await this.importOf(merchantId, importId);
    const table = this.dataSource.getMetadata(BillImportEntity).tablePath.replace(/bill_import$/, 'bill_import_error');
    await streamQueryAsCsv(this.dataSource, response, `bill-import-${importId}-errors.csv`, {
      sql: `SELECT line, "column", reason FROM ${table} WHERE import_id = $1 ORDER BY id`,
      params: [importId],
      columns: [
        { key: 'line', header: 'line' },
        { key: 'column', header: 'column' },
        { key: 'reason', header: 'reason' },
      ],
    });
  }

  private async importOf(merchantId: string, importId: string) {
    const found = await this.imports.findOfMerchant(merchantId, importId);
    if (!found) throw new BillingException('BILLING_IMPORT_NOT_FOUND', `No bill import ${importId} for this merchant`, 'importId');
    return found;
  }
}
