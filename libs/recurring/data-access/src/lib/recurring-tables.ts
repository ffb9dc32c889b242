import type { DataSource, EntityManager } from 'typeorm';
import { quoteIdentifier } from '@kessai/shared-database';

/** Schema-qualified table names of the recurring schema (the schema differs per test suite). */
export function recurringTable(source: DataSource | EntityManager, table: string): string {
  const options = ('connection' in source ? source.connection : source).options as { schema?: string };
  return `${quoteIdentifier(options.schema ?? 'recurring')}.${quoteIdentifier(table)}`;
}
