import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { stringify } from 'csv-stringify';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';

interface CsvQuery {
  sql: string;
  params: unknown[];
  columns: { key: string; header: string }[];
  row?: (row: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Streams the rows of a query as CSV to the response through a server-side cursor (pg-query-stream): a
 * million rows never sit in memory, and a slow client slows the query down (backpressure).
 */
export async function streamQueryAsCsv(dataSource: DataSource, response: Response, fileName: string, query: CsvQuery): Promise<void> {
  response.status(200);
  response.setHeader('content-type', 'text/csv; charset=utf-8');
  response.setHeader('content-disposition', `attachment; filename="${fileName}"`);
  await writeQueryAsCsv(dataSource, response, query);
}

/** The same into any writable stream (a file on an SFTP server), which ends with the last row. */
export async function writeQueryAsCsv(dataSource: DataSource, target: Writable, query: CsvQuery, options: { bom?: boolean } = {}): Promise<void> {
  const runner = dataSource.createQueryRunner('slave');
  const client = (await runner.connect()) as PoolClient;
  try {
    const rows = client.query(new QueryStream(query.sql, query.params, { batchSize: 1000 }));
    const transform = query.row;
    await pipeline(
      rows,
      async function* (source: AsyncIterable<Record<string, unknown>>) {
        for await (const row of source) yield transform ? transform(row) : row;
      },
      stringify({ header: true, columns: query.columns, bom: options.bom ?? true, cast: { date: (value) => value.toISOString() } }),
      target,
    );
  } finally {
    await runner.release();
  }
}
