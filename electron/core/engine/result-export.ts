import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ColumnInfo } from '@shared/results.schema';
import { produceFileAtomic } from '../atomic-file';
import { cancelledError } from '../errors';
import { isNumericType } from './duckdb-cells';
import { csvRecord } from './csv-text';
import type { QueryEngine } from './query-engine';

const CHUNK_ROWS = 10_000;

/** A kept result's rows as exact text, chunk by chunk, in the result's order. */
export async function* exactChunks(
  engine: QueryEngine,
  resultId: string,
  signal?: AbortSignal,
): AsyncGenerator<Array<Array<string | null>>> {
  for (let offset = 0; ; offset += CHUNK_ROWS) {
    if (signal?.aborted) throw cancelledError();
    const { rows, rowCount } = await engine.exactPage(resultId, { offset, limit: CHUNK_ROWS, sort: [] });
    if (rows.length) yield rows;
    if (offset + CHUNK_ROWS >= rowCount) return;
  }
}

/** A result as CSV text: header of the exact column names, then the rows. */
export async function resultToCsv(engine: QueryEngine, resultId: string): Promise<string> {
  const parts = [csvRecord(engine.columns(resultId).map((c) => c.name))];
  for await (const rows of exactChunks(engine, resultId)) parts.push(rows.map(csvRecord).join(''));
  return parts.join('');
}

function jsonRow(columns: readonly ColumnInfo[], row: ReadonlyArray<string | null>): string {
  const fields = columns.map((column, i) => {
    const value = row[i] ?? null;
    // Numbers go out as their exact text (valid JSON numbers): 142.80 stays 142.80.
    const text =
      value === null
        ? 'null'
        : isNumericType(column.type) && /^-?\d/.test(value)
          ? value
          : JSON.stringify(value);
    return `${JSON.stringify(column.name)}:${text}`;
  });
  return `{${fields.join(',')}}`;
}

/** A result as a JSON array of row objects, numbers in their exact text. */
export async function resultToJson(engine: QueryEngine, resultId: string): Promise<string> {
  const columns = engine.columns(resultId);
  const rows: string[] = [];
  for await (const chunk of exactChunks(engine, resultId))
    for (const row of chunk) rows.push(jsonRow(columns, row));
  return rows.length ? `[\n  ${rows.join(',\n  ')}\n]\n` : '[]\n';
}

/** Writes a result as a CSV file, streaming, whole or not at all (temp file, then rename). */
export async function writeResultCsv(
  engine: QueryEngine,
  resultId: string,
  path: string,
  signal?: AbortSignal,
): Promise<void> {
  await produceFileAtomic(path, async (temp) => {
    const out = createWriteStream(temp);
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    try {
      await write(csvRecord(engine.columns(resultId).map((c) => c.name)));
      for await (const rows of exactChunks(engine, resultId, signal))
        await write(rows.map(csvRecord).join(''));
    } finally {
      out.end();
      await once(out, 'close');
    }
  });
}
