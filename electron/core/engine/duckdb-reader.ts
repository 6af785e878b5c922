import type { DuckDBConnection, DuckDBResultReader } from '@duckdb/node-api';
import type { Cell, ColumnInfo } from '@shared/results.schema';
import type { BoundValue } from './query-engine';
import { bindingsFor } from './duckdb-binding';
import { displayCell, exactCell } from './duckdb-cells';

/** Rows read from DuckDB, either for display or as exact text. */
export interface ReadRows<C> {
  columns: ColumnInfo[];
  rows: C[][];
}

/** The reader's column names and DuckDB type names. */
export function columnsOf(reader: DuckDBResultReader): ColumnInfo[] {
  return reader.columnNames().map((name, i) => ({ name, type: reader.columnType(i).toString() }));
}

/** The reader's rows for display (see {@link displayCell}). */
export function displayRows(reader: DuckDBResultReader): ReadRows<Cell> {
  const typeIds = reader.columnNames().map((_, i) => reader.columnTypeId(i));
  const rows = reader.getRowsJson().map((row) => row.map((value, i) => displayCell(value, typeIds[i]!)));
  return { columns: columnsOf(reader), rows };
}

/** The reader's rows as exact text. */
export function exactRows(reader: DuckDBResultReader): ReadRows<string | null> {
  return { columns: columnsOf(reader), rows: reader.getRowsJson().map((row) => row.map(exactCell)) };
}

/** Prepares, binds and runs one statement, reading all of its rows. */
export async function readAll(
  connection: DuckDBConnection,
  sql: string,
  params: Record<string, BoundValue> = {},
): Promise<DuckDBResultReader> {
  const prepared = await connection.prepare(sql);
  try {
    const { values, types } = bindingsFor(prepared, params);
    prepared.bind(values, types);
    return await prepared.runAndReadAll();
  } finally {
    prepared.destroySync();
  }
}
