import { join } from 'node:path';
import { dialectSettings, type CsvDialect } from './csv-dialect';
import type { TableFormat } from './lake-walker';
import { quoteLiteral } from '../engine/sql-text';

/** How to read a table's files: enough to rebuild its view from the stored catalog. */
export interface TableSource {
  location: string;
  format: TableFormat;
  partitionKeys: string[];
  unionByName?: boolean;
  /** The CSV settings found at the crawl; without them DuckDB sniffs on every query. */
  csv?: CsvDialect;
}

/**
 * The DuckDB table function that reads a table folder. A glob, not a file list, so files added
 * later are read without a new crawl (a new folder or a changed schema still needs one).
 */
export function readerSql(root: string, source: TableSource, options: { allText?: boolean } = {}): string {
  // DuckDB globs take `/` on every platform; glob characters in the folder itself are escaped.
  const dir = join(root, source.location).replace(/\\/g, '/').replace(/\/+$/, '');
  const escaped = dir.replace(/[*?[\]{}]/g, '[$&]');
  // Any case of the extension (`.CSV` from a spreadsheet), as the crawl itself accepts.
  const extension = [...source.format].map((ch) => `[${ch}${ch.toUpperCase()}]`).join('');
  const isPartitioned = source.partitionKeys.length > 0;
  const glob = `${escaped}/${isPartitioned ? '**/' : ''}*.${extension}`;
  const settings = [`hive_partitioning = ${isPartitioned}`];
  if (source.unionByName) settings.push('union_by_name = true');
  // Every CSV value as written, for jobs that must see a bad date rather than have the sniffer hide it.
  if (options.allText && source.format === 'csv') settings.push('all_varchar = true');
  else if (source.csv && !source.unionByName) settings.push(...dialectSettings(source.csv));
  const fn = source.format === 'csv' ? 'read_csv' : 'read_parquet';
  return `${fn}(${quoteLiteral(glob)}, ${settings.join(', ')})`;
}
