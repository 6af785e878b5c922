import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { GlueTable } from './glue-store';

/** Reads a Glue table as the cluster's role does (Lake Formation may refuse it). */
export type TableReader = (database: string, name: string) => GlueTable;
import type { S3Data } from './s3-data';

/** What an emulated step printed, and whether it succeeded. */
export interface StepRunOutput {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** One line for FailureDetails.Message when it failed. */
  error?: string;
}

/** The gross-profit job's arguments, read the way pyspark/gross_profit.py's argparse reads them. */
export interface GrossProfitArgs {
  files: string[];
  database: string;
  sql: string;
  notesSql?: string;
  tables: Record<string, string>;
  output: string;
  runId: string;
  currencyRates?: string;
}

/** The spark-submit command line of a step, if it runs pyspark/gross_profit.py. */
export function grossProfitArgs(args: string[]): GrossProfitArgs | undefined {
  const script = args.findIndex((a) => /(^|\/)gross_profit\.py$/.test(a));
  if (script < 0) return undefined;
  const before = args.slice(0, script);
  const filesAt = before.indexOf('--files');
  const files = filesAt >= 0 ? (before[filesAt + 1] ?? '').split(',').filter(Boolean) : [];
  const out: GrossProfitArgs = { files, database: '', sql: '', tables: {}, output: '', runId: '' };
  const rest = args.slice(script + 1);
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value = ''] = [rest[i], rest[i + 1]];
    if (flag === '--database') out.database = value;
    else if (flag === '--sql') out.sql = value;
    else if (flag === '--notes-sql') out.notesSql = value;
    else if (flag === '--output') out.output = value.endsWith('/') ? value : `${value}/`;
    else if (flag === '--run-id') out.runId = value;
    else if (flag === '--currency-rates') out.currencyRates = value;
    else if (flag === '--table') {
      const [name = '', glue = name] = value.split('=');
      out.tables[name] = glue;
    }
  }
  return out;
}

const DUCK_TYPES: Record<string, string> = {
  bigint: 'BIGINT',
  int: 'INTEGER',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
};
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A `--sql` name: an S3 URI, or the basename of a `--files` entry (spark-submit puts it in the cwd). */
async function loadText(s3: S3Data, name: string, files: string[]): Promise<string> {
  const uri = name.startsWith('s3://') ? name : files.find((f) => f.split('/').at(-1) === name);
  if (!uri) throw new Error(`FileNotFoundError: [Errno 2] No such file or directory: '${name}'`);
  return (await s3.get(uri)).toString('utf8');
}

/** Downloads a Glue table's CSV files and makes a DuckDB view of them with the catalog's types. */
async function viewOfTable(
  c: DuckDBConnection,
  s3: S3Data,
  glue: TableReader,
  dir: string,
  view: string,
  db: string,
  name: string,
) {
  const table = glue(db, name);
  const location = table.StorageDescriptor.Location;
  const files: string[] = [];
  for (const o of await s3.list(location)) {
    if (!o.key.endsWith('.csv')) continue;
    const local = join(dir, view, o.uri.slice(location.length));
    await mkdir(dirname(local), { recursive: true });
    await writeFile(local, await s3.get(o.uri));
    files.push(local);
  }
  if (files.length === 0) throw new Error(`AnalysisException: Path does not exist: ${location}`);
  const columns = table.StorageDescriptor.Columns.map(
    (col) => `${lit(col.Name)}: ${lit(DUCK_TYPES[col.Type] ?? 'VARCHAR')}`,
  );
  const hive = table.PartitionKeys.length > 0 ? ', hive_partitioning = true' : '';
  await c.run(
    `CREATE VIEW ${ident(view)} AS SELECT * FROM read_csv([${files.map(lit).join(', ')}], header = true, columns = {${columns.join(', ')}}${hive})`,
  );
}

async function ratesView(
  c: DuckDBConnection,
  a: GrossProfitArgs,
  s3: S3Data,
  glue: TableReader,
  dir: string,
) {
  if (a.tables.currency_rates)
    return viewOfTable(c, s3, glue, dir, 'currency_rates', a.database, a.tables.currency_rates);
  const pairs = (a.currencyRates ?? '')
    .split(',')
    .filter(Boolean)
    .map((p) => p.split('='));
  const rows = pairs.map(([cur = '', rate = '']) => `(${lit(cur)}, CAST(${lit(rate)} AS DECIMAL(18, 6)))`);
  await c.run(
    rows.length
      ? `CREATE VIEW currency_rates AS SELECT * FROM (VALUES ${rows.join(', ')}) AS t(currency, rate_to_usd)`
      : 'CREATE VIEW currency_rates AS SELECT CAST(NULL AS VARCHAR) AS currency, CAST(NULL AS DECIMAL(18, 6)) AS rate_to_usd WHERE false',
  );
}

/**
 * Runs the gross-profit step as the PySpark job would, with DuckDB in place of Spark: the same SQL
 * file from S3, over the Glue tables' files, writing CSV (with header) and Parquet under `--output`.
 */
export async function runGrossProfitStep(
  a: GrossProfitArgs,
  s3: S3Data,
  glue: TableReader,
): Promise<StepRunOutput> {
  const log: string[] = [`INFO gross_profit: run ${a.runId}, database ${a.database}`];
  const dir = await mkdtemp(join(tmpdir(), 'lakedesk-emr-step-'));
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const c = await instance.connect();
  try {
    const sql = (await loadText(s3, a.sql, a.files)).replace(/;\s*$/, '');
    for (const view of ['billing', 'units_sold', 'production_costs'])
      await viewOfTable(c, s3, glue, dir, view, a.database, a.tables[view] ?? view);
    await ratesView(c, a, s3, glue, dir);
    await c.run(`COPY (${sql}) TO ${lit(join(dir, 'out.csv'))} (HEADER, DELIMITER ',', NEW_LINE '\r\n')`);
    await c.run(`COPY (${sql}) TO ${lit(join(dir, 'out.parquet'))} (FORMAT parquet)`);
    const rows = Number(
      (
        await c.runAndReadAll(`SELECT count(*)::DOUBLE FROM read_csv(${lit(join(dir, 'out.csv'))})`)
      ).getRowsJson()[0]?.[0] ?? 0,
    );
    await s3.removePrefix(a.output);
    const part = `part-00000-${a.runId}-c000`;
    await s3.put(`${a.output}csv/${part}.csv`, await readFile(join(dir, 'out.csv')));
    await s3.put(`${a.output}csv/_SUCCESS`, '');
    await s3.put(`${a.output}parquet/${part}.snappy.parquet`, await readFile(join(dir, 'out.parquet')));
    await s3.put(`${a.output}parquet/_SUCCESS`, '');
    const stdout = [`rows_written=${rows} output=${a.output}csv/`];
    if (a.notesSql) {
      const notes = (await loadText(s3, a.notesSql, a.files)).replace(/;\s*$/, '');
      const counts = await c.runAndReadAll(
        `SELECT reason, CAST(SUM(bills) AS BIGINT) FROM (${notes}) WHERE reason IS NOT NULL GROUP BY reason ORDER BY reason`,
      );
      for (const [reason, bills] of counts.getRowsJson())
        stdout.push(`excluded reason="${String(reason)}" bills=${String(bills)}`);
    }
    log.push(`INFO gross_profit: wrote ${rows} rows to ${a.output}`);
    return { ok: true, stdout: `${stdout.join('\n')}\n`, stderr: `${log.join('\n')}\n` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.push(
      'Traceback (most recent call last):',
      '  File "gross_profit.py", line 1, in main',
      `pyspark.errors.exceptions.captured.AnalysisException: ${message}`,
    );
    return { ok: false, stdout: '', stderr: `${log.join('\n')}\n`, error: message.split('\n')[0]! };
  } finally {
    c.disconnectSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}
