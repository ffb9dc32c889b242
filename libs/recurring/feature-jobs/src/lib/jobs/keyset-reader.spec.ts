import { KeysetReader } from './keyset-reader';

describe('KeysetReader', () => {
  const records = Array.from({ length: 23 }, (_, i) => String(i + 1).padStart(3, '0'));
  const reads: { after: string; limit: number }[] = [];
  const read = async (after: string, limit: number) => {
    reads.push({ after, limit });
    return records.filter((record) => record > after).slice(0, limit);
  };

  beforeEach(() => (reads.length = 0));

  it('reads fetch-size pages and cuts them into chunks of another size', async () => {
    const reader = new KeysetReader(read, (record) => record, '', 10);
    const chunks: string[][] = [];
    for (let chunk = await reader.take(4); chunk.length > 0; chunk = await reader.take(4)) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.length)).toEqual([4, 4, 4, 4, 4, 3]);
    expect(chunks.flat()).toEqual(records);
    expect(reads).toEqual([
      { after: '', limit: 10 },
      { after: '010', limit: 10 },
      { after: '020', limit: 10 },
    ]);
  });

  it('reads as much as a chunk needs when the fetch size is smaller, and starts after the checkpoint', async () => {
    const reader = new KeysetReader(read, (record) => record, '020', 2);
    expect(await reader.take(5)).toEqual(['021', '022', '023']);
    expect(await reader.take(5)).toEqual([]);
  });
});
