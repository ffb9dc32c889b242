/**
 * Reads a shop's records `fetchSize` at a time in checkpoint order and hands them out in chunks of any size:
 * the fetch size (rows per query) and the chunk size (rows per commit) are set apart.
 */
export class KeysetReader<TRecord> {
  private buffer: TRecord[] = [];
  private exhausted = false;

  constructor(
    private readonly read: (after: string, limit: number) => Promise<TRecord[]>,
    private readonly checkpointOf: (record: TRecord) => string,
    private after: string,
    private readonly fetchSize: number,
  ) {}

  /** The next `size` records (fewer at the end, none when all were read). */
  async take(size: number): Promise<TRecord[]> {
    while (this.buffer.length < size && !this.exhausted) {
      const limit = Math.max(this.fetchSize, size - this.buffer.length);
      const rows = await this.read(this.after, limit);
      if (rows.length < limit) this.exhausted = true;
      if (rows.length > 0) {
        this.after = this.checkpointOf(rows[rows.length - 1]);
        this.buffer = this.buffer.length === 0 ? rows : this.buffer.concat(rows);
      }
    }
    const chunk = this.buffer.length <= size ? this.buffer : this.buffer.slice(0, size);
    this.buffer = this.buffer.length <= size ? [] : this.buffer.slice(size);
    return chunk;
  }
}
