import type { Request } from 'express';
import { EntityManager } from 'typeorm';
import type { FileSummaryResponse } from '@kessai/processor-contracts';
import { ProcessorFileEntity } from '@kessai/processor-data-access';
import { ProcessorException } from '@kessai/processor-domain';

export const FILE_IDEMPOTENCY_HEADER = 'idempotency-key';

/** The optional idempotency key of a file upload (1 to 128 printable characters). */
export function fileIdempotencyKey(request: Request): string | null {
  const key = request.header(FILE_IDEMPOTENCY_HEADER);
  if (key === undefined) return null;
  if (!/^[\x21-\x7e]{1,128}$/.test(key)) {
    throw new ProcessorException('PROCESSOR_FILE_LAYOUT_INVALID', 'The Idempotency-Key header must be 1 to 128 printable characters', FILE_IDEMPOTENCY_HEADER);
  }
  return key;
}

/**
 * The answer recorded for an upload with the same key, if any. The key is locked for the rest of the
 * transaction, so two uploads of one file at once settle it once: the second waits and gets the first's answer.
 */
export async function recordedFileAnswer(transaction: EntityManager, kind: ProcessorFileEntity['kind'], key: string | null): Promise<FileSummaryResponse | null> {
  if (key === null) return null;
  await transaction.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`file:${kind}:${key}`]);
  const file = await transaction.findOneBy(ProcessorFileEntity, { kind, idempotencyKey: key });
  return file ? (file.summary as FileSummaryResponse) : null;
}
