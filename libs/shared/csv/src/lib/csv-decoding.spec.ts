import iconv from 'iconv-lite';
import { decodeCsv } from './csv-decoding';

async function decodeAll(chunks: Buffer[], declared: 'auto' | 'utf-8' | 'shift_jis') {
  let encoding: string | undefined;
  let text = '';
  for await (const part of decodeCsv((async function* () { yield* chunks; })(), declared, (e) => (encoding = e))) text += part;
  return { text, encoding };
}

describe('decodeCsv', () => {
  const csv = 'merchantBillNumber,customerName\nINV-1,山田 太郎\nINV-2,髙橋 ①\n';

  it('detects Shift_JIS after an ASCII start, across chunks that split characters', async () => {
    const bytes = iconv.encode(csv, 'Shift_JIS');
    const chunks = [bytes.subarray(0, 10), bytes.subarray(10, 37), bytes.subarray(37)];
    expect(await decodeAll(chunks, 'auto')).toEqual({ text: csv, encoding: 'shift_jis' });
  });

  it('detects UTF-8, even when a chunk ends inside a character', async () => {
    const bytes = Buffer.from(csv, 'utf8');
    const cut = bytes.indexOf(Buffer.from('山', 'utf8')) + 1;
    expect(await decodeAll([bytes.subarray(0, cut), bytes.subarray(cut)], 'auto')).toEqual({ text: csv, encoding: 'utf-8' });
  });

  it('follows the declared encoding', async () => {
    expect((await decodeAll([iconv.encode(csv, 'Shift_JIS')], 'shift_jis')).text).toBe(csv);
  });
});
