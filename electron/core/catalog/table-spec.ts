import { relative } from 'node:path';
import type { DuckDbQueryEngine } from '../engine/duckdb-query-engine';
import { readColumnNames } from './file-schemas';
import { formatOf, type TableFolder, type TableFormat, type WalkProblem } from './lake-walker';

/** What the crawl knows about a table folder before DuckDB describes it. */
export interface TableSpec {
  location: string;
  dir: string;
  format: TableFormat;
  partitionKeys: string[];
  files: number;
  sizeBytes: number;
  updatedAt: string;
  /** The files share columns in different orders: read them by name. */
  unionByName: boolean;
  /** One of its files, to sniff. */
  sample: string;
}

const list = (names: readonly string[]) => `(${names.join(', ')})`;

/**
 * Checks that a folder's files can be one table: one format, one partition layout, one set of
 * columns. Anything else is a problem for the person to fix, never a guess.
 */
export async function specOf(
  folder: TableFolder,
  engine: DuckDbQueryEngine,
): Promise<TableSpec | WalkProblem> {
  const problem = (message: string): WalkProblem => ({ location: folder.location, message });
  const formats = new Set(folder.files.map((f) => formatOf(f.path)!));
  if (formats.size > 1) return problem('Mixed formats: CSV and Parquet files in one table folder.');
  const format = [...formats][0]!;
  const layouts = new Set(folder.files.map((f) => f.partition.map(([key]) => key).join('/')));
  if (layouts.size > 1) {
    return problem(
      `Mixed partition layouts: files sit under ${[...layouts].map((l) => l || 'no partition').join(' and ')}.`,
    );
  }
  const schemas = new Map<string, { names: string[]; file: string }>();
  for (const file of folder.files) {
    const shown = relative(folder.dir, file.path);
    let names: string[];
    try {
      names = await readColumnNames(file.path, format, engine);
    } catch (error) {
      return problem(
        `Unreadable file ${shown}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
    if (names.length === 0 || names.every((n) => n === ''))
      return problem(`Empty file ${shown}: it has no header.`);
    const key = JSON.stringify(names);
    if (!schemas.has(key)) schemas.set(key, { names, file: shown });
  }
  const distinct = [...schemas.values()];
  const sameSets = new Set(distinct.map((s) => JSON.stringify([...s.names].sort()))).size === 1;
  if (!sameSets) {
    const [a, b] = distinct;
    return problem(
      `Mixed schemas: ${a!.file} has columns ${list(a!.names)} but ${b!.file} has ${list(b!.names)}` +
        `${distinct.length > 2 ? ` (${distinct.length} different headers in all)` : ''}.`,
    );
  }
  return {
    location: folder.location,
    dir: folder.dir,
    format,
    partitionKeys: folder.files[0]!.partition.map(([key]) => key),
    files: folder.files.length,
    sizeBytes: folder.files.reduce((sum, f) => sum + f.size, 0),
    updatedAt: new Date(Math.max(...folder.files.map((f) => f.modifiedMs))).toISOString(),
    unionByName: distinct.length > 1,
    sample: folder.files[0]!.path,
  };
}
