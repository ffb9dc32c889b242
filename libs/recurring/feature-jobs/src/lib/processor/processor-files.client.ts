import { Inject, Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { request } from 'undici';
import { FileSummaryResponse, PROCESSOR_SIGNATURE_HEADER, signProcessorPayload } from '@kessai/processor-contracts';
import { RecurringException } from '@kessai/recurring-domain';
import { JOBS_OPTIONS, JobsOptions } from '../jobs.options';

export type ProcessorFileKind = 'sales-confirmations' | 'card-refreshes';

/**
 * The processor's signed file exchange: a CSV file in the processor's layout, signed with the shared secret,
 * sent with the engine's file id as idempotency key (a resent file gets its first answer back), then the
 * answer file read back.
 */
@Injectable()
export class ProcessorFilesClient {
  constructor(@Inject(JOBS_OPTIONS) private readonly options: JobsOptions) {}

  async exchange(
    kind: ProcessorFileKind,
    fileId: string,
    columns: readonly string[],
    rows: (string | number)[][],
  ): Promise<{ summary: FileSummaryResponse; answers: Record<string, string>[] }> {
    const text = stringify([[...columns], ...rows]);
    // the signature is made now (the processor refuses old ones); the body is the same on every resend
    const signature = signProcessorPayload(this.options.processorSigningSecret, text, Math.floor(Date.now() / 1000));
    const response = await request(`${this.options.processorUrl}/v1/files/${kind}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'idempotency-key': fileId, [PROCESSOR_SIGNATURE_HEADER]: signature },
      body: text,
      headersTimeout: 300_000,
      bodyTimeout: 300_000,
    });
    const body = await response.body.text();
    if (response.statusCode !== 201) {
      throw new RecurringException('RECURRING_PROCESSOR_FILE_REFUSED', `The processor refused ${kind} file ${fileId} (${response.statusCode}): ${body.slice(0, 500)}`);
    }
    const summary = JSON.parse(body) as FileSummaryResponse;
    const result = await request(`${this.options.processorUrl}/v1/files/${summary.fileId}/result`, { headersTimeout: 300_000, bodyTimeout: 300_000 });
    const answerText = await result.body.text();
    if (result.statusCode !== 200) {
      throw new RecurringException('RECURRING_PROCESSOR_FILE_REFUSED', `The processor's answer to ${kind} file ${fileId} could not be read (${result.statusCode})`);
    }
    return { summary, answers: parse(answerText, { columns: true, skip_empty_lines: true }) as Record<string, string>[] };
  }
}
