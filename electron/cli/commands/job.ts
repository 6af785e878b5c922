import type { Command } from 'commander';
import type { LakeJobRun } from '@shared/clusters.schema';
import { LakeError } from '@shared/errors';
import { printJson } from '../output';
import { runWithSession } from '../run-command';

interface JobRunOptions {
  lake?: string;
  olderThanDays?: string;
  json?: boolean;
}

function describeRun(run: LakeJobRun): string {
  const counts = Object.entries(run.counts)
    .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
    .join(', ');
  const outputs = run.outputs.length ? ` → ${run.outputs.join(', ')}` : '';
  return `${run.name} ${run.state} (${run.startedAt})${counts ? `: ${counts}` : ''}${outputs}${run.error ? ` — ${run.error}` : ''}`;
}

function days(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new LakeError('BAD_INPUT', `--older-than-days must be a whole number of days, not "${value}".`);
  return n;
}

/** `lakedesk job run NAME`: the lake's jobs (local twins of the EMR steps); exit 1 when one fails. */
export function registerJobCommand(program: Command): void {
  const job = program
    .command('job')
    .description("Run the lake's jobs (gross-profit into curated/, process-orders into processed/).");
  job
    .command('run <name>')
    .description('Run a lake job: gross-profit or process-orders.')
    .option('--lake <dir>', 'the local lake folder (default: the active workspace)')
    .option(
      '--older-than-days <n>',
      'process-orders: drop Pending/Cancelled orders older than this (default 30)',
    )
    .option('--json', 'print the run as one JSON document')
    .action((name: string, options: JobRunOptions) =>
      runWithSession(options, async (session) => {
        const olderThanDays = days(options.olderThanDays);
        const input = {
          name: name as LakeJobRun['name'],
          ...(olderThanDays === undefined ? {} : { olderThanDays }),
        };
        const run = await session.runJob('clusters.runJob', input, { label: name });
        if (options.json) printJson(run);
        else process.stdout.write(`${describeRun(run)}\n`);
      }),
    );
  job
    .command('history')
    .description("The lake's past job runs, newest first.")
    .option('--lake <dir>', 'the local lake folder (default: the active workspace)')
    .option('--json', 'print them as JSON')
    .action((options: { lake?: string; json?: boolean }) =>
      runWithSession(options, async (session) => {
        const runs = await session.call('clusters.jobHistory', {});
        if (options.json) printJson(runs);
        else
          process.stdout.write(
            runs.length ? `${runs.map(describeRun).join('\n')}\n` : 'No job has run on this lake yet.\n',
          );
      }),
    );
}
