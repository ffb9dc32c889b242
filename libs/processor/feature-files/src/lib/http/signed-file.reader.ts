import type { Request } from 'express';
import { PROCESSOR_SIGNATURE_HEADER, verifyProcessorSignature } from '@kessai/processor-contracts';
import { ProcessorException } from '@kessai/processor-domain';

const MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * Reads an uploaded file (text/csv) and checks its signature: files move money, so only the platform holding
 * the shared secret may send them.
 */
export async function readSignedFile(request: Request, secret: string, nowSeconds: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FILE_BYTES) throw new ProcessorException('PROCESSOR_FILE_LAYOUT_INVALID', 'A file may have at most 100 MB: split it');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const check = verifyProcessorSignature(secret, request.header(PROCESSOR_SIGNATURE_HEADER), text, nowSeconds);
  if (!check.valid) throw new ProcessorException('PROCESSOR_SIGNATURE_INVALID', `The file signature is refused: ${check.reason}`, PROCESSOR_SIGNATURE_HEADER);
  return text;
}
