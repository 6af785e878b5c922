import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { LakeError } from '@shared/errors';
import { savedQueries } from '@shared/sql/saved-queries';
import { collect, parseParams } from '../cli-options';
import { printJson } from '../output';
import { runWithSession } from '../run-command';
import { note, writeOutput } from './output-file';

interface QueryRunOptions {
  lake?: string;
  saved?: string;
  sql?: string;
  file?: string;
  param: string[];
  out?: string;
  format?: string;
  json?: boolean;
}

async function querySource(options: QueryRunOptions): Promise<{ savedId: string } | { sql: string }> {
  const given = [options.saved, options.sql, options.file].filter((v) => v !== undefined);
  if (given.length !== 1) {
    throw new LakeError('BAD_INPUT', 'Give exactly one of --saved NAME, --sql TEXT or --file FILE.');
  }
  if (options.saved !== undefined) return { savedId: options.saved };
  if (options.sql !== undefined) return { sql: options.sql };
  return { sql: await readFile(options.file!, 'utf8') };
}

/** `lakedesk query run`: the result as CSV (RFC 4180, exact decimals) or JSON; exit 1 when the query fails. */
async function runQuery(options: QueryRunOptions): Promise<void> {
  const format = options.json ? 'json' : (options.format ?? 'csv');
  await runWithSession(options, async (session) => {
    if (format !== 'csv' && format !== 'json')
      throw new LakeError('BAD_INPUT', `--format must be csv or json, not "${format}".`);
    const source = await querySource(options);
    const result = await session.runJob(
      'queries.run',
      { ...source, params: parseParams(options.param) },
      { label: 'Querying' },
    );
    const { text } = await session.call('queries.exportResult', { resultId: result.resultId, format });
    await writeOutput(text, options.out);
    note(
      `${result.rowCount.toLocaleString('en-US')} rows in ${result.elapsedMs} ms${options.out ? ` → ${options.out}` : ''}.`,
    );
  });
}

/** `lakedesk query run` and `lakedesk query list`. */
export function registerQueryCommand(program: Command): void {
  const query = program.command('query').description('Run saved or ad-hoc SQL (Athena dialect) on the lake.');
  query
    .command('run')
    .description('Run a query and print (or save) its result.')
    .option('--lake <dir>', 'the local lake folder (default: the active workspace)')
    .option('--saved <name>', `a saved query: ${savedQueries.map((q) => q.id).join(', ')}`)
    .option('--sql <text>', 'SQL to run')
    .option('--file <file>', 'a file of SQL to run')
    .option('--param <name=value>', 'a parameter value (repeatable)', collect, [])
    .option('--out <file>', 'write the result to this file instead of stdout')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--json', 'JSON output, and errors as JSON')
    .action((options: QueryRunOptions) => runQuery(options));
  query
    .command('list')
    .description('List the saved queries.')
    .option('--json', 'print them as JSON')
    .action((options: { json?: boolean }) =>
      runWithSession(options, async (session) => {
        const saved = await session.call('queries.listSaved', {});
        if (options.json) printJson(saved);
        else
          for (const q of saved)
            process.stdout.write(
              `${q.id.padEnd(26)}${q.name}${q.parameters.length ? ` (${q.parameters.map((p) => p.name).join(', ')})` : ''}\n`,
            );
      }),
    );
}
