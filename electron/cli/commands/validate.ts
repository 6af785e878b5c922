import { stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { LakeError } from '@shared/errors';
import type { Finding, ValidationReport } from '@shared/storage.schema';
import { EXIT_OK, EXIT_PROBLEM } from '../exit-codes';
import { printJson, reportError } from '../output';
import { runWithSession } from '../run-command';

export interface ValidateOptions {
  dataset?: string;
  json?: boolean;
}

/** Findings printed for a person; the JSON output carries every kept one. */
const SHOWN_FINDINGS = 200;

/**
 * The lake a file belongs to: the nearest folder above it holding `.lakedesk/` (so the lake's own
 * dataset contracts apply), else the file's own folder, so any CSV on disk can be checked.
 */
async function lakeRootFor(file: string): Promise<string> {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const info = await stat(join(dir, '.lakedesk')).catch(() => undefined);
    if (info?.isDirectory()) return dir;
    if (dirname(dir) === dir) return dirname(file);
  }
}

function clip(text: string, width: number): string {
  const flat = text.replace(/\r?\n|\r/g, '⏎');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

function printTable(findings: readonly Finding[]): void {
  const rows = findings.map((f) => [String(f.line), f.column, f.rule, clip(f.value, 30), f.message]);
  const head = ['LINE', 'COLUMN', 'RULE', 'VALUE', 'MESSAGE'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]!) : c)).join('  ');
  process.stdout.write(`${[head, ...rows].map(line).join('\n')}\n`);
}

function printReport(name: string, report: ValidationReport): void {
  const count = report.findingCount ?? report.errors.length;
  const rows = `${report.rows.toLocaleString('en-US')} row${report.rows === 1 ? '' : 's'}`;
  if (report.ok) {
    process.stdout.write(`${name}: valid ${report.dataset} data, ${rows}, no findings.\n`);
    return;
  }
  const shown = report.errors.slice(0, SHOWN_FINDINGS);
  printTable(shown);
  const more =
    count > shown.length
      ? ` (showing the first ${shown.length}; use --json for ${report.errors.length === count ? 'all' : `the first ${report.errors.length}`})`
      : '';
  process.stdout.write(
    `\n${name}: invalid ${report.dataset} data, ${rows}, ${count.toLocaleString('en-US')} finding${count === 1 ? '' : 's'}${more}.\n`,
  );
}

/** `lakedesk validate FILE`: exit 0 valid, 1 findings, 2 usage or environment error. */
export async function validateCommand(file: string, options: ValidateOptions): Promise<void> {
  const json = Boolean(options.json);
  const absolute = resolve(file);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isFile()) {
    const error = info
      ? new LakeError('BAD_INPUT', `${file} is a folder, not a file.`, 'Give the path of one CSV file.')
      : new LakeError('NOT_FOUND', `File not found: ${file}`, 'Check the path and spelling.');
    process.exitCode = reportError(error, json);
    return;
  }
  const lake = await lakeRootFor(absolute);
  await runWithSession({ json, lake }, async (session) => {
    const path = relative(lake, absolute).split(sep).join('/');
    const report = await session.runJob(
      'storage.validate',
      options.dataset === undefined ? { path } : { path, dataset: options.dataset },
      { label: `Validating ${basename(file)}` },
    );
    if (json) {
      const { ok, rows, errors, dataset, findingCount, truncated } = report;
      printJson({ ok, rows, errors, dataset, findingCount, truncated });
    } else {
      printReport(basename(file), report);
    }
    return report.ok ? EXIT_OK : EXIT_PROBLEM;
  });
}

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description(
      'Check a CSV file against a dataset contract (billing, units_sold, production_costs, currency_rates, orders, or the lake’s own).',
    )
    .argument('<file>', 'the CSV file, anywhere on disk')
    .option('-d, --dataset <name>', 'the dataset to check against (default: recognised from the header)')
    .option('--json', 'print {ok, rows, errors: [{line, column, rule, value, message}]} as JSON')
    .action((file: string, options: ValidateOptions) => validateCommand(file, options));
}
