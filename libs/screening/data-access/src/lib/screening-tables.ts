import type { DataSource, EntityManager } from 'typeorm';
import { quoteIdentifier } from '@kessai/shared-database';

/** Schema-qualified table names of the screening schema (the schema differs per test suite). */
export function screeningTable(source: DataSource | EntityManager, table: string): string {
  const options = ('connection' in source ? source.connection : source).options as { schema?: string };
  return `${quoteIdentifier(options.schema ?? 'screening')}.${quoteIdentifier(table)}`;
}
