import type { FileSummaryResponse } from '@kessai/processor-contracts';
import { ProcessorException } from '@kessai/processor-domain';

/** Collects per-line outcomes of a file: the answer rows and the errors, each naming its line and field. */
export class FileOutcome<TRow> {
  readonly rows: TRow[] = [];
  readonly errors: FileSummaryResponse['errors'] = [];
  accepted = 0;

  fail(error: unknown, line: number): ProcessorException {
    if (!(error instanceof ProcessorException)) throw error;
    this.errors.push({ line: error.line ?? line, field: error.field, code: error.code, message: error.message });
    return error;
  }

  summary(fileId: string, kind: FileSummaryResponse['kind'], publicUrl: string): FileSummaryResponse {
    return {
      fileId,
      kind,
      lines: this.rows.length,
      accepted: this.accepted,
      rejected: this.rows.length - this.accepted,
      errors: this.errors,
      resultUrl: `${publicUrl}/v1/files/${fileId}/result`,
    };
  }
}
