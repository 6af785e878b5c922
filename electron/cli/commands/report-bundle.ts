import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { OpenedBundle } from '@shared/bundles.schema';
import type { ExportSource } from '@shared/bundles.schema';
import { LakeError } from '@shared/errors';
import { EXIT_OK, EXIT_PROBLEM } from '../exit-codes';
import { collect, parseParams } from '../cli-options';
import { printJson } from '../output';
import { runWithSession } from '../run-command';

interface ExportOptions {
  saved?: string;
  report?: string;
  param: string[];
  lake?: string;
  out: string;
  title?: string;
  json?: boolean;
}

/** The export source named by --saved or --report. */
export function sourceOf(options: Pick<ExportOptions, 'saved' | 'report' | 'param'>): ExportSource {
  if ((options.saved === undefined) === (options.report === undefined)) {
    throw new LakeError('BAD_INPUT', 'Give exactly one of --saved NAME or --report gross-profit|kpis.');
  }
  const params = parseParams(options.param);
  if (options.saved !== undefined) return { kind: 'saved', savedId: options.saved, params };
  if (options.report === 'gross-profit') {
    if (options.param.length) throw new LakeError('BAD_INPUT', 'The gross profit report takes no --param.');
    return { kind: 'grossProfit' };
  }
  if (options.report === 'kpis') {
    const { month, ...rest } = params;
    if (Object.keys(rest).length)
      throw new LakeError('BAD_INPUT', 'The KPI dashboard takes only --param month=YYYY-MM.');
    return month === undefined ? { kind: 'kpis' } : { kind: 'kpis', month: String(month) };
  }
  throw new LakeError('BAD_INPUT', `--report must be gross-profit or kpis, not "${options.report}".`);
}

function describeBundle(opened: OpenedBundle): string {
  const m = opened.manifest;
  const w = m.workspace;
  const lines = [
    `${m.title} (${m.kind}), created ${m.createdAt} by Lakedesk ${m.appVersion}`,
    `Workspace: ${w.kind === 'local' ? `local lake ${w.lakePath}` : `AWS ${w.accountId} ${w.roleName} ${w.region}`}`,
    ...m.queries.map((q) => {
      const params = Object.entries(q.params)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      const run = [
        q.executionId && `execution ${q.executionId}`,
        q.dataScannedBytes !== undefined && `${q.dataScannedBytes} bytes scanned`,
      ];
      return `Query: ${q.title}${params ? ` (${params})` : ''} → ${q.table}, ${q.rowCount} rows${run
        .filter(Boolean)
        .map((r) => `, ${r}`)
        .join('')}`;
    }),
    ...opened.tables.map(
      (t) =>
        `Table: ${t.name}, ${t.rowCount} row${t.rowCount === 1 ? '' : 's'}${t.loaded ? '' : ' (could not be loaded)'}`,
    ),
    ...m.charts.map((c) => `Chart: ${c.title} (${c.spec.type} of ${c.table})`),
    ...m.highlights.map((h) => `${h.label}: ${h.value}`),
    ...m.notes.map((n) => `Note: ${n}`),
  ];
  const count = m.members.length + 1;
  lines.push(
    opened.integrity.verified
      ? `Checksums: all ${count} members match (SHA-256).`
      : `Checksums: MISMATCH\n${opened.integrity.problems.map((p) => `  ${p.member}: ${p.message}`).join('\n')}`,
  );
  return `${lines.join('\n')}\n`;
}

function registerExport(report: Command): void {
  report
    .command('export')
    .description('Export a report bundle (.lakereport): data, charts, PDF summary and checksums.')
    .option('--saved <name>', 'a saved query')
    .option('--report <name>', 'gross-profit or kpis')
    .option('--param <name=value>', 'a parameter value (repeatable)', collect, [])
    .option('--lake <dir>', 'the local lake folder (default: the active workspace)')
    .requiredOption('--out <file>', 'the bundle to write (FILE.lakereport)')
    .option('--title <text>', 'a title for the report')
    .option('--json', 'print the written file as JSON')
    .action((options: ExportOptions) =>
      runWithSession(options, async (session) => {
        const source = sourceOf(options);
        const input = {
          source,
          out: resolve(options.out),
          ...(options.title ? { title: options.title } : {}),
        };
        const file = await session.runJob('reports.exportBundle', input, { label: 'Exporting' });
        if (options.json) printJson(file);
        else process.stdout.write(`Wrote ${file.path} (${file.bytes.toLocaleString('en-US')} bytes).\n`);
      }),
    );
}

function registerOpen(report: Command): void {
  report
    .command('open <file>')
    .description("Print a bundle's manifest and verify its checksums (exit 1 when they differ).")
    .option('--json', 'print the manifest, tables and integrity as one JSON document')
    .action((file: string, options: { json?: boolean }) =>
      runWithSession(options, async (session) => {
        const opened = await session.call('reports.openBundle', { path: resolve(file), remember: false });
        if (options.json) {
          const { charts: _charts, bundleId: _id, ...rest } = opened;
          printJson({ ok: opened.integrity.verified, ...rest });
        } else process.stdout.write(describeBundle(opened));
        return opened.integrity.verified ? EXIT_OK : EXIT_PROBLEM;
      }),
    );
}

function registerConverters(report: Command): void {
  for (const [name, method, ext] of [
    ['to-xlsx', 'reports.exportXlsx', 'xlsx'],
    ['to-pdf', 'reports.exportPdf', 'pdf'],
  ] as const) {
    report
      .command(`${name} <file>`)
      .description(`Save a verified bundle as ${ext === 'xlsx' ? 'an Excel workbook' : 'its PDF summary'}.`)
      .requiredOption('--out <file>', `the file to write (FILE.${ext})`)
      .option('--json', 'print the written file as JSON')
      .action((file: string, options: { out: string; json?: boolean }) =>
        runWithSession(options, async (session) => {
          const input = { from: { path: resolve(file) }, out: resolve(options.out) };
          const written =
            method === 'reports.exportXlsx'
              ? await session.runJob(method, input, { label: 'Writing' })
              : await session.call(method, input);
          if (options.json) printJson(written);
          else
            process.stdout.write(`Wrote ${written.path} (${written.bytes.toLocaleString('en-US')} bytes).\n`);
        }),
      );
  }
}

/** `lakedesk report export|open|to-xlsx|to-pdf`: report bundles (`.lakereport`) from the shell. */
export function registerBundleCommands(report: Command): void {
  registerExport(report);
  registerOpen(report);
  registerConverters(report);
}
