import { createHash, randomBytes } from 'node:crypto';
import { LakeError } from '@shared/errors';
import type { StepOutput } from '@shared/emr.schema';
import { grossProfitNotesSql } from '@shared/sql/saved-queries';
import grossProfitPy from '../../../pyspark/gross_profit.py?raw';
import { requireSavedQuery } from '../queries/require-saved-query';
import { splitS3Uri } from './aws-s3-objects';

/** A file the job needs on S3: the script, and the very SQL files the local engine runs. */
export interface CodeFile {
  name: string;
  text: string;
  contentType: string;
  sha256: string;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const file = (name: string, text: string, contentType: string): CodeFile => ({
  name,
  text,
  contentType,
  sha256: sha(text),
});

/** The gross-profit job's code: shared/sql is uploaded as it is, so Spark runs what DuckDB was proven on. */
export function grossProfitCode(): CodeFile[] {
  return [
    file('gross_profit.py', grossProfitPy, 'text/x-python'),
    file('gross-profit.sql', requireSavedQuery('gross-profit').sql, 'application/sql'),
    file('gross-profit-notes.sql', grossProfitNotesSql, 'application/sql'),
  ];
}

const withSlash = (uri: string) => (uri.endsWith('/') ? uri : `${uri}/`);

/** The bucket of a cluster's LogUri, for the default code and output prefixes. */
function logBucket(clusterId: string, logUri: string | undefined, what: string): string {
  const bucket = logUri ? splitS3Uri(logUri).bucket : '';
  if (!bucket)
    throw new LakeError(
      'BAD_INPUT',
      `Cluster ${clusterId} has no S3 log location, so there is no default ${what}.`,
      `Give the ${what} yourself (--code-prefix / --output in the CLI).`,
    );
  return bucket;
}

/** `--code-prefix`, else `s3://<LogUri bucket>/lakedesk/code/<app version>/` (ARCHITECTURE.md). */
export function codePrefixFor(
  clusterId: string,
  logUri: string | undefined,
  codePrefix: string | undefined,
  version: string,
): string {
  return codePrefix
    ? withSlash(codePrefix)
    : `s3://${logBucket(clusterId, logUri, 'code prefix')}/lakedesk/code/${version}/`;
}

/** One folder per run, so a run overwrites only itself. */
export function outputFor(
  clusterId: string,
  logUri: string | undefined,
  outputPath: string | undefined,
  runId: string,
): StepOutput {
  const base = outputPath
    ? withSlash(outputPath)
    : `s3://${logBucket(clusterId, logUri, 'output path')}/lakedesk/output/gross-profit/`;
  const prefix = `${base}run_id=${runId}/`;
  return { prefix, csv: `${prefix}csv/`, parquet: `${prefix}parquet/`, notes: `${prefix}notes/`, files: [] };
}

/** A sortable run id: UTC time and a little randomness (two runs in one second stay apart). */
export function newRunId(now = new Date()): string {
  return `${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${randomBytes(2).toString('hex')}`;
}

export interface StepArgs {
  codePrefix: string;
  database: string;
  tables: Partial<Record<'billing' | 'units_sold' | 'production_costs' | 'currency_rates', string>>;
  output: StepOutput;
  runId: string;
  currencyRates?: Record<string, number>;
}

/** The step's command: spark-submit in cluster mode, the SQL files shipped with --files. */
export function sparkSubmitArgs(a: StepArgs): string[] {
  const tables = Object.entries(a.tables)
    .filter(([sqlName, glue]) => glue && glue !== sqlName)
    .flatMap(([sqlName, glue]) => ['--table', `${sqlName}=${glue}`]);
  if (a.tables.currency_rates === 'currency_rates') tables.push('--table', 'currency_rates=currency_rates');
  const rates = a.currencyRates
    ? [
        '--currency-rates',
        Object.entries(a.currencyRates)
          .map(([code, rate]) => `${code}=${rate}`)
          .join(','),
      ]
    : [];
  return [
    'spark-submit',
    '--deploy-mode',
    'cluster',
    '--files',
    `${a.codePrefix}gross-profit.sql,${a.codePrefix}gross-profit-notes.sql`,
    `${a.codePrefix}gross_profit.py`,
    '--database',
    a.database,
    '--sql',
    'gross-profit.sql',
    '--notes-sql',
    'gross-profit-notes.sql',
    '--output',
    a.output.prefix,
    '--run-id',
    a.runId,
    ...tables,
    ...rates,
  ];
}
