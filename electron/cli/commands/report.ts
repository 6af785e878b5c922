import type { Command } from 'commander';
import type { GrossProfitReport } from '@shared/reports.schema';
import { grossProfitCsv } from '../../core/reports/report-csv';
import { printJson } from '../output';
import { runWithSession } from '../run-command';
import { note, writeOutput } from './output-file';
import { registerBundleCommands } from './report-bundle';

interface ReportOptions {
  lake?: string;
  out?: string;
  json?: boolean;
}

function summary(report: GrossProfitReport): string {
  const t = report.totals;
  const excluded = report.exclusions.filter((e) => e.count > 0);
  const notes = excluded.length
    ? `Left out: ${excluded.map((e) => `${e.count} bill${e.count === 1 ? '' : 's'} (${e.reason})`).join(', ')}.`
    : 'No bills left out.';
  return (
    `${report.rows.length} rows. Revenue ${t.revenue_usd.toFixed(2)} USD, COGS ${t.cogs_usd.toFixed(2)}, ` +
    `gross profit ${t.gross_profit_usd.toFixed(2)} (${t.gross_margin_pct.toFixed(2)} %).\n${notes}`
  );
}

/** `lakedesk report gross-profit`: the report's rows as CSV (DOMAIN.md's columns), its notes beside. */
export function registerReportCommand(program: Command): void {
  const report = program.command('report').description('Compute, export and open reports.');
  report
    .command('gross-profit')
    .description('Gross profit per company and item: CSV to stdout, or to --out FILE.')
    .option('--lake <dir>', 'the local lake folder (default: the active workspace)')
    .option('--out <file>', 'write the CSV to this file')
    .option('--json', 'print the whole report (rows, roll-ups, notes) as one JSON document')
    .action((options: ReportOptions) =>
      runWithSession(options, async (session) => {
        const result = await session.runJob('reports.grossProfit', {}, { label: 'Gross profit' });
        if (options.json) {
          printJson(result);
          return;
        }
        await writeOutput(grossProfitCsv(result.rows), options.out);
        // With --out, stdout is free for the summary; without, the CSV owns it.
        if (options.out) process.stdout.write(`Wrote ${options.out}. ${summary(result)}\n`);
        else note(summary(result));
      }),
    );
  registerBundleCommands(report);
}
