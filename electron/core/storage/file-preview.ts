import { stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { LakeError } from '@shared/errors';
import type { ColumnProfile } from '@shared/storage.schema';
import type { RowSet } from '@shared/results.schema';
import { formatOf } from '../catalog/lake-walker';
import type { DuckDbQueryEngine } from '../engine/duckdb-query-engine';
import { quoteIdent } from '../engine/sql-text';

/** The file a lake path names, checked to be a CSV or Parquet file inside the lake. */
async function lakeFile(root: string, path: string): Promise<{ file: string; reader: string }> {
  const file = resolve(root, path);
  const inside = relative(root, file);
  // The schema refuses `..` already; this also catches absolute paths and drive letters.
  if (inside.startsWith('..') || resolve(root, inside) !== file || inside.split(sep).includes('..')) {
    throw new LakeError('BAD_INPUT', `${path} is outside the lake.`);
  }
  const format = formatOf(file);
  if (!format)
    throw new LakeError(
      'BAD_INPUT',
      `${path} is not a CSV or Parquet file.`,
      'Previews and profiles read .csv and .parquet files.',
    );
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile())
    throw new LakeError(
      'NOT_FOUND',
      `No file ${path} in the lake.`,
      'It may have been moved or deleted: refresh the folder.',
    );
  return { file, reader: format === 'csv' ? 'read_csv($file)' : 'read_parquet($file)' };
}

/** The first rows of a data file. DuckDB stops reading once it has them: a big file is not read whole. */
export async function previewFile(
  engine: DuckDbQueryEngine,
  root: string,
  path: string,
  limit: number,
): Promise<RowSet> {
  const { file, reader } = await lakeFile(root, path);
  const sql = (from: string) => `SELECT * FROM ${from} LIMIT ${Math.trunc(limit)}`;
  try {
    const { columns, rows } = await engine.query(sql(reader), { file });
    return { columns, rows };
  } catch (error) {
    // DuckDB guesses types from the first rows; a later row in another format (orders accept
    // several date formats) breaks the guess. A preview still shows the file, as text.
    if (!reader.startsWith('read_csv')) throw error;
    const { columns, rows } = await engine.query(sql('read_csv($file, all_varchar = true)'), { file });
    return { columns, rows };
  }
}

/** Per-column type, nulls, distinct values, min and max of a whole data file, in one scan. */
export async function profileFile(
  engine: DuckDbQueryEngine,
  root: string,
  path: string,
): Promise<{ rows: number; columns: ColumnProfile[] }> {
  const { file, reader } = await lakeFile(root, path);
  const described = await engine.query(`DESCRIBE SELECT * FROM ${reader}`, { file });
  const columns = described.rows.map((row) => ({ name: String(row[0]), type: String(row[1]) }));
  const measures = columns.flatMap((c) => {
    const q = quoteIdent(c.name);
    return [
      `count(${q})`,
      `count(DISTINCT ${q})`,
      `CAST(min(${q}) AS VARCHAR)`,
      `CAST(max(${q}) AS VARCHAR)`,
    ];
  });
  const { rows } = await engine.queryExact(
    `SELECT count(*)${measures.map((m) => `, ${m}`).join('')} FROM ${reader}`,
    { file },
  );
  const values = rows[0] ?? [];
  const total = Number(values[0] ?? 0);
  return {
    rows: total,
    columns: columns.map((column, i) => ({
      ...column,
      nulls: total - Number(values[1 + i * 4] ?? 0),
      distinct: Number(values[2 + i * 4] ?? 0),
      min: values[3 + i * 4] ?? null,
      max: values[4 + i * 4] ?? null,
    })),
  };
}
