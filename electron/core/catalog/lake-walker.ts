import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { cancelledError } from '../errors';

export type TableFormat = 'csv' | 'parquet';

/** A data file under a table folder, with the Hive partition values on its path. */
export interface DataFile {
  path: string;
  size: number;
  modifiedMs: number;
  partition: Array<[string, string]>;
}

/** A folder holding data files directly or below `key=value/` folders: one table. */
export interface TableFolder {
  /** Lake-relative, `/`-separated, with a trailing slash: `raw/billing/`. */
  location: string;
  /** Absolute folder. */
  dir: string;
  files: DataFile[];
}

export interface WalkProblem {
  location: string;
  message: string;
}

const PARTITION = /^([^=]+)=(.*)$/;
const MAX_DEPTH = 24;

/** The format a file name says, if it is a data file. */
export function formatOf(name: string): TableFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.parquet')) return 'parquet';
  return undefined;
}

// Hidden and `_`-prefixed entries are tool droppings (`.lakedesk/`, Spark's `_SUCCESS`, `_temporary/`);
// quarantine/ holds files that failed validation and must never read as data.
function isSkipped(name: string, atRoot: boolean): boolean {
  return name.startsWith('.') || name.startsWith('_') || (atRoot && name === 'quarantine');
}

/**
 * Finds the lake's table folders: each folder with data files directly or in Hive partition folders
 * below it. Other subfolders are searched for tables of their own. An empty folder is not a table.
 */
export async function findTableFolders(root: string, signal?: AbortSignal): Promise<TableFolder[]> {
  const found: TableFolder[] = [];
  async function visit(dir: string, location: string, depth: number): Promise<void> {
    if (signal?.aborted) throw cancelledError();
    if (depth > MAX_DEPTH) return;
    const entries = await readdir(dir, { withFileTypes: true });
    const files: DataFile[] = [];
    const subfolders: string[] = [];
    for (const entry of entries) {
      if (isSkipped(entry.name, depth === 0)) continue;
      if (entry.isDirectory()) {
        if (PARTITION.test(entry.name))
          await collectPartition(join(dir, entry.name), [], entry.name, files, depth);
        else subfolders.push(entry.name);
      } else if (entry.isFile() && formatOf(entry.name)) {
        files.push(await dataFile(join(dir, entry.name), []));
      }
    }
    if (files.length > 0 && depth > 0) found.push({ location, dir, files });
    for (const name of subfolders.sort()) await visit(join(dir, name), `${location}${name}/`, depth + 1);
  }
  await visit(root, '', 0);
  return found;
}

async function collectPartition(
  dir: string,
  parent: Array<[string, string]>,
  name: string,
  out: DataFile[],
  depth: number,
): Promise<void> {
  const match = PARTITION.exec(name)!;
  const partition: Array<[string, string]> = [...parent, [match[1]!, match[2]!]];
  if (depth > MAX_DEPTH) return;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (isSkipped(entry.name, false)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory() && PARTITION.test(entry.name))
      await collectPartition(path, partition, entry.name, out, depth + 1);
    else if (entry.isFile() && formatOf(entry.name)) out.push(await dataFile(path, partition));
  }
}

async function dataFile(path: string, partition: Array<[string, string]>): Promise<DataFile> {
  const info = await stat(path);
  return { path, size: info.size, modifiedMs: info.mtimeMs, partition };
}
