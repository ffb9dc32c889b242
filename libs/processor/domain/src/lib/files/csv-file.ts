import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ProcessorException } from '../processor.exception';

/** A reference the simulator issued (UUID). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One data line of a file, keyed by column name, with its 1-based line number in the file. */
export interface FileLine {
  line: number;
  values: Record<string, string>;
  /** Set when the line could not be read at all (wrong number of columns). */
  problem?: ProcessorException;
}

/**
 * Reads a CSV file whose first line must be exactly `columns`. A wrong header rejects the whole file; a line
 * with the wrong number of columns is returned with its problem so the other lines are still processed.
 */
export function readCsvFile(text: string, columns: readonly string[], fileName: string): FileLine[] {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, bom: true, trim: true }) as never;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ProcessorException('PROCESSOR_FILE_LAYOUT_INVALID', `The ${fileName} is not valid CSV: ${(error as Error).message}`, undefined, line);
  }
  const [header, ...data] = rows;
  if (!header || header.record.join(',') !== columns.join(',')) {
    throw new ProcessorException(
      'PROCESSOR_FILE_LAYOUT_INVALID',
      `Line 1 of the ${fileName} must be the header "${columns.join(',')}"${header ? `, got "${header.record.join(',')}"` : ' (the file is empty)'}`,
      'header',
      1,
    );
  }
  return data.map(({ record, info }) => {
    const values = Object.fromEntries(columns.map((column, i) => [column, record[i] ?? '']));
    if (record.length !== columns.length) {
      return {
        line: info.lines,
        values,
        problem: new ProcessorException(
          'PROCESSOR_FILE_LINE_INVALID',
          `Line ${info.lines} has ${record.length} columns, the layout has ${columns.length}`,
          columns[Math.min(record.length, columns.length - 1)],
          info.lines,
        ),
      };
    }
    return { line: info.lines, values };
  });
}

export function writeCsvFile(columns: readonly string[], rows: Record<string, string | number | null | undefined>[]): string {
  return stringify(rows, { header: true, columns: columns as string[] });
}

/** A field error on one line of a file: names the line and the column. */
export function lineError(line: number, field: string, message: string): ProcessorException {
  return new ProcessorException('PROCESSOR_FILE_LINE_INVALID', `Line ${line}, ${field}: ${message}`, field, line);
}

export function requireText(line: FileLine, field: string, pattern: RegExp, what: string): string {
  const value = line.values[field];
  if (!pattern.test(value)) throw lineError(line.line, field, `must be ${what}, got "${value}"`);
  return value;
}

export function requireAmount(line: FileLine, field: string): number {
  const value = line.values[field];
  if (!/^[1-9]\d{0,14}$/.test(value)) {
    throw lineError(line.line, field, `must be a positive whole number of minor units, got "${value}"`);
  }
  return Number(value);
}
