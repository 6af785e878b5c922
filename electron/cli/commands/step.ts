import type { Command } from 'commander';
import type { StepOutcome, SubmittedStep } from '@shared/emr.schema';
import { LakeError } from '@shared/errors';
import { duration, runWithAwsProfile, table, type AwsCommandOptions } from '../aws-profile-session';
import { collect } from '../cli-options';
import { printJson } from '../output';

interface SubmitOptions extends AwsCommandOptions {
  cluster: string;
  database: string;
  output?: string;
  codePrefix?: string;
  rates?: string;
  table?: string[];
  wait?: boolean;
}

const TABLES = ['billing', 'units_sold', 'production_costs', 'currency_rates'] as const;

/** `USD=1,CAD=0.79` → `{ USD: 1, CAD: 0.79 }`; a bad pair is a usage error. */
function parseRates(value: string | undefined): Record<string, number> | undefined {
  if (value === undefined) return undefined;
  const rates: Record<string, number> = {};
  for (const pair of value.split(',').filter(Boolean)) {
    const [code = '', rate = ''] = pair.split('=');
    if (!/^[A-Z]{3}$/.test(code) || !(Number(rate) > 0))
      throw new LakeError(
        'BAD_INPUT',
        `--rates takes CODE=RATE pairs such as USD=1,CAD=0.79, not "${pair}".`,
      );
    rates[code] = Number(rate);
  }
  return rates;
}

/** `--table billing=raw_billing` (repeatable) → the Glue names of the SQL's tables. */
function parseTables(values: string[] = []): Partial<Record<(typeof TABLES)[number], string>> {
  const out: Partial<Record<(typeof TABLES)[number], string>> = {};
  for (const v of values) {
    const [name = '', glue = ''] = v.split('=');
    if (!(TABLES as readonly string[]).includes(name) || !glue)
      throw new LakeError(
        'BAD_INPUT',
        `--table takes SQL_NAME=GLUE_NAME with SQL_NAME one of ${TABLES.join(', ')}, not "${v}".`,
      );
    out[name as (typeof TABLES)[number]] = glue;
  }
  return out;
}

function describeSubmitted(s: SubmittedStep): string {
  return (
    `Submitted step ${s.stepId} to ${s.clusterId} (run ${s.runId}).\n` +
    `  code:   ${s.code.prefix} (${s.code.uploaded.length} uploaded, ${s.code.reused.length} unchanged)\n` +
    `  output: ${s.output.csv}\n`
  );
}

function describeOutcome(o: StepOutcome): string {
  const files = o.output?.files.length ? `\n  ${o.output.files.join('\n  ')}` : '';
  return `Step ${o.step.id} ${o.step.state} in ${duration(o.durationMs)}.${o.output ? ` Output: ${o.output.csv}` : ''}${files}\n`;
}

const profileOption = '-p, --profile <name>';
const profileHelp = 'an SSO profile in ~/.aws/config (default: AWS_PROFILE, else default)';

/** `lakedesk step submit gross-profit|list|logs`: EMR steps. Exit 1 when a waited-for step fails. */
export function registerStepCommand(program: Command): void {
  const step = program
    .command('step')
    .description('EMR steps: submit the gross-profit job, list steps, read logs.');
  step
    .command('submit <job>')
    .description('Submit a job as an EMR step (gross-profit); with --wait, watch it to the end.')
    .requiredOption('-c, --cluster <id>', 'the cluster id (j-…): see `lakedesk cluster list`')
    .option('-d, --database <name>', 'the Glue database with the tables', 'lake')
    .option('--table <sql=glue>', 'a Glue table name that differs from the SQL (repeatable)', collect)
    .option('--output <s3uri>', 'where runs write (default s3://<log bucket>/lakedesk/output/gross-profit/)')
    .option(
      '--code-prefix <s3uri>',
      'where the job code goes (default s3://<log bucket>/lakedesk/code/<version>/)',
    )
    .option('--rates <pairs>', 'currency rates to USD, e.g. USD=1,CAD=0.79,MXN=0.05')
    .option('--wait', 'wait for the step to end, with progress on a terminal; Ctrl+C cancels the step')
    .option(profileOption, profileHelp)
    .option('--json', 'print {submitted, outcome} as JSON')
    .action((job: string, options: SubmitOptions) =>
      runWithAwsProfile(options, async (session, workspaceId) => {
        if (job !== 'gross-profit')
          throw new LakeError('BAD_INPUT', `No job "${job}" to submit.`, 'Jobs: gross-profit.');
        const rates = parseRates(options.rates);
        const submitted = await session.call('clusters.submitGrossProfit', {
          workspaceId,
          clusterId: options.cluster,
          database: options.database,
          tables: parseTables(options.table),
          ...(options.output ? { outputPath: options.output } : {}),
          ...(options.codePrefix ? { codePrefix: options.codePrefix } : {}),
          ...(rates ? { currencyRates: rates } : {}),
        });
        if (!options.json) process.stderr.write(describeSubmitted(submitted));
        if (!options.wait) return options.json ? printJson({ submitted }) : undefined;
        const ref = { workspaceId, clusterId: submitted.clusterId, stepId: submitted.stepId };
        const outcome = await session.runJob('clusters.waitForStep', ref, {
          label: `Step ${submitted.stepId}`,
        });
        if (options.json) printJson({ submitted, outcome });
        else process.stdout.write(describeOutcome(outcome));
      }),
    );
  step
    .command('list')
    .description("A cluster's steps, newest first.")
    .requiredOption('-c, --cluster <id>', 'the cluster id (j-…)')
    .option(profileOption, profileHelp)
    .option('--json', 'print {steps: [...]} as JSON')
    .action((options: AwsCommandOptions & { cluster: string }) =>
      runWithAwsProfile(options, async (session, workspaceId) => {
        const result = await session.call('clusters.listSteps', { workspaceId, clusterId: options.cluster });
        if (options.json) return printJson(result);
        const rows = result.steps.map((s) => [
          s.id,
          s.state,
          s.name,
          s.startedAt ?? '',
          s.failure?.message ?? '',
        ]);
        process.stdout.write(table(['STEP', 'STATE', 'NAME', 'STARTED', 'FAILURE'], rows));
      }),
    );
  step
    .command('logs <stepId>')
    .description("A step's log from the cluster's S3 log location (stderr unless --log).")
    .requiredOption('-c, --cluster <id>', 'the cluster id (j-…)')
    .option('--log <name>', 'stderr, stdout or controller', 'stderr')
    .option(profileOption, profileHelp)
    .action(
      (
        stepId: string,
        options: AwsCommandOptions & { cluster: string; log: 'stderr' | 'stdout' | 'controller' },
      ) =>
        runWithAwsProfile(options, async (session, workspaceId) => {
          const log = await session.call('clusters.stepLog', {
            workspaceId,
            clusterId: options.cluster,
            stepId,
            log: options.log,
          });
          if (!log.found)
            throw new LakeError(
              'NOT_FOUND',
              `No ${options.log} log for ${stepId} yet${log.uri ? ` at ${log.uri}` : ''}.`,
              log.hint,
            );
          process.stdout.write(log.text);
        }),
    );
}

/** `lakedesk cluster list`: EMR clusters of an SSO profile's account. */
export function registerClusterCommand(program: Command): void {
  program
    .command('cluster')
    .description('EMR clusters in AWS.')
    .command('list')
    .description('Active clusters (or --all / --terminated), newest first.')
    .option('--all', 'active and terminated')
    .option('--terminated', 'terminated only')
    .option(profileOption, profileHelp)
    .option('--json', 'print {clusters: [...]} as JSON')
    .action((options: AwsCommandOptions & { all?: boolean; terminated?: boolean }) =>
      runWithAwsProfile(options, async (session, workspaceId) => {
        const filter = options.all ? 'all' : options.terminated ? 'terminated' : 'active';
        const result = await session.call('clusters.listClusters', { workspaceId, filter });
        if (options.json) return printJson(result);
        const rows = result.clusters.map((c) => [
          c.id,
          c.state,
          c.name,
          c.createdAt,
          String(c.normalizedInstanceHours),
        ]);
        process.stdout.write(table(['CLUSTER', 'STATE', 'NAME', 'CREATED', 'NORM. HOURS'], rows));
      }),
    );
}
