import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { DuckDbQueryEngine } from '../engine/duckdb-query-engine';
import type { TableFormat } from './lake-walker';

const HEADER_BYTES = 64 * 1024;

/**
 * A CSV file's column names from its first record, reading only its first 64 KiB: enough to compare
 * the headers of thousands of files without reading them.
 */
export async function readCsvHeader(path: string): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
    let text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.search(/\r?\n/);
    // Only the first line: a header with a quoted newline is too odd to support here.
    if (end >= 0) text = text.slice(0, end);
    const records = parse(text, {
      bom: true,
      delimiter: [',', ';', '\t', '|'],
      relax_quotes: true,
      relax_column_count: true,
    }) as string[][];
    return (records[0] ?? []).map((name) => name.trim());
  } finally {
    await handle.close();
  }
}

/** A Parquet file's column names, from its footer. */
export async function readParquetColumns(path: string, engine: DuckDbQueryEngine): Promise<string[]> {
  const { rows } = await engine.query('DESCRIBE SELECT * FROM read_parquet($path)', { path });
  return rows.map((row) => String(row[0]));
}

/** The column names of one data file. */
export function readColumnNames(
  path: string,
  format: TableFormat,
  engine: DuckDbQueryEngine,
): Promise<string[]> {
  return format === 'csv' ? readCsvHeader(path) : readParquetColumns(path, engine);
}
