export { type CsvEncoding, decodeCsv } from './lib/csv-decoding';
export { streamQueryAsCsv, writeQueryAsCsv } from './lib/query-csv-stream';
