import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'shift_jis';

/** Whether `bytes` is valid UTF-8, ignoring a multibyte character cut off at the end of the chunk. */
function isUtf8(bytes: Buffer): boolean {
  let end = bytes.length;
  // Step back over a possibly truncated last character (at most 3 continuation/lead bytes).
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = bytes[end - i];
    if ((byte & 0xc0) === 0xc0) {
      end -= i;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a CSV upload chunk by chunk (never whole). `auto` reads ASCII as it comes (the same in both
 * encodings) and decides at the first chunk with a byte above 0x7F: valid UTF-8, or else Shift_JIS.
 */
export async function* decodeCsv(
  source: AsyncIterable<Buffer>,
  declared: CsvEncoding | 'auto',
  onDecided: (encoding: CsvEncoding) => void,
): AsyncGenerator<string> {
  let decoder: { write(chunk: Buffer): string; end(): string | undefined } | undefined;
  const decide = (encoding: CsvEncoding) => {
    onDecided(encoding);
    decoder = iconv.getDecoder(encoding === 'utf-8' ? 'utf8' : 'Shift_JIS');
  };
  if (declared !== 'auto') decide(declared);
  for await (const chunk of source) {
    if (!decoder) {
      if (chunk.every((byte) => byte < 0x80)) {
        yield chunk.toString('latin1');
        continue;
      }
      decide(isUtf8(chunk) ? 'utf-8' : 'shift_jis');
    }
    const text = (decoder as NonNullable<typeof decoder>).write(chunk);
    if (text) yield text;
  }
  if (!decoder) onDecided('utf-8');
  const rest = decoder?.end();
  if (rest) yield rest;
}
