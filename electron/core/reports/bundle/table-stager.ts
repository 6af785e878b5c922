import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBAppender } from '@duckdb/node-api';
import type { ColumnInfo } from '@shared/results.schema';
import { cancelledError } from '../../errors';
import { csvRecord } from '../../engine/csv-text';
import type { DuckDbQueryEngine } from '../../engine/duckdb-query-engine';
import { quoteIdent, quoteLiteral } from '../../engine/sql-text';
import type { TableSource } from './bundle-content';

/** A table staged for the bundle: in the staging DuckDB under its name, and as two files. */
export interface StagedTable {
  name: string;
  title: string;
  columns: ColumnInfo[];
  rowCount: number;
  parquetFile: string;
  csvFile: string;
  notes: string[];
}

const SCALAR_TYPE =
  /^(BOOLEAN|TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL\(\d+,\s*\d+\)|DATE|TIME|TIMESTAMP|TIMESTAMP WITH TIME ZONE|TIMESTAMPTZ|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|VARCHAR|UUID)$/i;

/**
 * The type a column is stored with in the bundle: the engine's own scalar types (DuckDB's, and
 * Athena's lower-case names, which DuckDB reads too); anything nested is kept as its JSON text.
 */
export function storedType(type: string): string {
  const upper = type.trim().toUpperCase();
  if (/^(VARCHAR|CHAR)\(\d+\)$/.test(upper) || upper === 'STRING') return 'VARCHAR';
  if (/^TIMESTAMP\(\d\)$/.test(upper)) return 'TIMESTAMP';
  return SCALAR_TYPE.test(upper) ? upper.replace(/\s+/g, ' ') : 'VARCHAR';
}

/** A path as DuckDB's SQL takes it: forward slashes on every OS. */
export function sqlPath(path: string): string {
  return quoteLiteral(path.replace(/\\/g, '/'));
}

/**
 * Writes the source's rows, in order, to `<dir>/<name>.csv` (exact text, RFC 4180, as every
 * Lakedesk CSV export) and, as text, into a staging table: exact decimals survive as text and are
 * cast to their type by DuckDB, never through a JavaScript number.
 */
async function appendRows(
  engine: DuckDbQueryEngine,
  raw: string,
  source: TableSource,
  csvFile: string,
  signal: AbortSignal,
  onRows: (rows: number) => void,
): Promise<number> {
  const out = createWriteStream(csvFile);
  let rowCount = 0;
  try {
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    await write(csvRecord(source.columns.map((c) => c.name)));
    await engine.session.use(async (connection) => {
      const appender = await connection.createAppender(raw);
      try {
        for await (const chunk of source.rows(signal)) {
          if (signal.aborted) throw cancelledError();
          for (const row of chunk) appendRow(appender, row, source.columns.length);
          rowCount += chunk.length;
          onRows(rowCount);
          await write(chunk.map(csvRecord).join(''));
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    }, signal);
  } finally {
    out.end();
    await once(out, 'close');
  }
  return rowCount;
}

function appendRow(appender: DuckDBAppender, row: ReadonlyArray<string | null>, width: number): void {
  for (let i = 0; i < width; i += 1) {
    const cell = row[i] ?? null;
    if (cell === null) appender.appendNull();
    else appender.appendVarchar(cell);
  }
  appender.endRow();
}

/** Stages one table: CSV file, typed DuckDB table, Parquet file (zstd). */
export async function stageTable(
  engine: DuckDbQueryEngine,
  dir: string,
  source: TableSource,
  signal: AbortSignal,
  onRows: (rows: number) => void = () => undefined,
): Promise<StagedTable> {
  const raw = `raw_${source.name}`;
  const parquetFile = join(dir, `${source.name}.parquet`);
  const csvFile = join(dir, `${source.name}.csv`);
  const textColumns = source.columns.map((_, i) => `c${i} VARCHAR`).join(', ');
  await engine.exec([`CREATE TABLE ${quoteIdent(raw)} (${textColumns})`], signal);
  const rowCount = await appendRows(engine, raw, source, csvFile, signal, onRows);
  const notes: string[] = [];
  let columns = source.columns.map((c) => ({ name: c.name, type: storedType(c.type) }));
  const typed = (cols: ColumnInfo[]) =>
    `CREATE OR REPLACE TABLE ${quoteIdent(source.name)} AS SELECT ${cols
      .map((c, i) => `CAST(c${i} AS ${c.type}) AS ${quoteIdent(c.name)}`)
      .join(', ')} FROM ${quoteIdent(raw)}`;
  try {
    await engine.exec([typed(columns)], signal);
  } catch (error) {
    if (signal.aborted) throw error;
    // A value its declared type cannot hold: keep every value, as text, rather than lose one.
    columns = columns.map((c) => ({ ...c, type: 'VARCHAR' }));
    await engine.exec([typed(columns)], signal);
    notes.push(`Table ${source.name} is stored as text: ${(error as Error).message.split('\n')[0]}`);
  }
  await engine.exec(
    [
      `DROP TABLE ${quoteIdent(raw)}`,
      `COPY ${quoteIdent(source.name)} TO ${sqlPath(parquetFile)} (FORMAT parquet, COMPRESSION zstd)`,
    ],
    signal,
  );
  return { name: source.name, title: source.title, columns, rowCount, parquetFile, csvFile, notes };
}
