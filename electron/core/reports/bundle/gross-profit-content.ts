import type { BundleWorkspace } from '@shared/bundle-manifest.schema';
import type { GrossProfitReport, Rollup } from '@shared/reports.schema';
import type { ColumnInfo } from '@shared/results.schema';
import { findSavedQuery, grossProfitNotesSql } from '@shared/sql/saved-queries';
import type { DuckDbQueryEngine } from '../../engine/duckdb-query-engine';
import { buildGrossProfitReport } from '../gross-profit-report';
import { memoryTable, type BundleContent, type TableSource } from './bundle-content';
import { chartPlan } from './result-tables';

const MONEY = 'DECIMAL(18,2)';
const text = (name: string): ColumnInfo => ({ name, type: 'VARCHAR' });
const money = (name: string): ColumnInfo => ({ name, type: MONEY });
/** Report money is whole cents, so two decimals print it exactly. */
const cents = (n: number) => n.toFixed(2);
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

const ROLLUP_COLUMNS = ['revenue_usd', 'cogs_usd', 'gross_profit_usd', 'gross_margin_pct'].map(money);
const rollupRow = (r: Rollup) => [
  cents(r.revenue_usd),
  cents(r.cogs_usd),
  cents(r.gross_profit_usd),
  cents(r.gross_margin_pct),
];

function rollupTable(name: string, title: string, key: string, rollups: readonly Rollup[]): TableSource {
  return memoryTable(
    name,
    title,
    [text(key), ...ROLLUP_COLUMNS],
    rollups.map((r) => [r.key, ...rollupRow(r)]),
  );
}

/** The report's tables, typed as the gross-profit SQL types them (money DECIMAL(18,2)). */
function reportTables(report: GrossProfitReport): TableSource[] {
  const rowColumns: ColumnInfo[] = [
    ...['id', 'company_name', 'country', 'product_line', 'item'].map(text),
    money('revenue_usd'),
    { name: 'units_sold', type: 'BIGINT' },
    ...['cost_per_unit_usd', 'cogs_usd', 'gross_profit_usd', 'gross_margin_pct'].map(money),
  ];
  const rows = report.rows.map((r) => [
    r.id,
    r.company_name,
    r.country,
    r.product_line,
    r.item,
    cents(r.revenue_usd),
    String(r.units_sold),
    cents(r.cost_per_unit_usd),
    cents(r.cogs_usd),
    cents(r.gross_profit_usd),
    cents(r.gross_margin_pct),
  ]);
  return [
    memoryTable('gross_profit', 'Gross profit by company and item', rowColumns, rows),
    memoryTable('totals', 'Totals', ROLLUP_COLUMNS, [rollupRow(report.totals)]),
    rollupTable('by_product_line', 'By product line', 'product_line', report.byProductLine),
    rollupTable('by_country', 'By country', 'country', report.byCountry),
    memoryTable(
      'by_month',
      'Revenue by month of bill date',
      [text('month'), money('revenue_usd')],
      report.byMonth.map((m) => [m.month, cents(m.revenue_usd)]),
    ),
    memoryTable(
      'exclusions',
      'Bills left out, by reason',
      [text('reason'), { name: 'bills', type: 'BIGINT' }],
      report.exclusions.map((e) => [e.reason, String(e.count)]),
    ),
  ];
}

function reportCharts(report: GrossProfitReport, notes: string[]) {
  const pair = ['revenue_usd', 'gross_profit_usd'];
  return [
    chartPlan(
      'by-product-line',
      'by_product_line',
      { type: 'bar', x: 'product_line', y: pair, title: 'Revenue and gross profit by product line' },
      report.byProductLine.length,
      notes,
    ),
    chartPlan(
      'by-country',
      'by_country',
      { type: 'bar', x: 'country', y: pair, title: 'Revenue and gross profit by country' },
      report.byCountry.length,
      notes,
    ),
    chartPlan(
      'by-month',
      'by_month',
      { type: 'line', x: 'month', y: ['revenue_usd'], title: 'Revenue by month' },
      report.byMonth.length,
      notes,
    ),
  ];
}

/** The gross profit report of a lake, as bundle content: rows, roll-ups, notes and three charts. */
export async function grossProfitContent(
  engine: DuckDbQueryEngine,
  workspace: BundleWorkspace,
  signal: AbortSignal,
): Promise<BundleContent> {
  const started = performance.now();
  const report = await buildGrossProfitReport(engine, signal);
  const elapsedMs = Math.round(performance.now() - started);
  const left = report.exclusions.filter((e) => e.count > 0);
  const notes = left.map((e) => `Left out: ${e.count} bill${e.count === 1 ? '' : 's'} (${e.reason}).`);
  if (!left.length) notes.push('No bills were left out.');
  notes.push('Revenue by month counts the bills in the report (the revenue side only).');
  const t = report.totals;
  return {
    title: 'Gross profit',
    kind: 'gross-profit',
    workspace,
    queries: [
      {
        table: 'gross_profit',
        title: 'Gross profit',
        savedId: 'gross-profit',
        sql: findSavedQuery('gross-profit')!.sql,
        params: {},
        engine: 'duckdb',
        rowCount: report.rows.length,
        elapsedMs,
      },
      {
        table: 'exclusions',
        title: 'Gross profit notes (bills left out, revenue by month)',
        sql: grossProfitNotesSql,
        params: {},
        engine: 'duckdb',
        rowCount: report.exclusions.length + report.byMonth.length,
      },
    ],
    tables: reportTables(report),
    charts: reportCharts(report, notes),
    highlights: [
      { label: 'Revenue', value: usd.format(t.revenue_usd) },
      { label: 'Cost of goods sold', value: usd.format(t.cogs_usd) },
      { label: 'Gross profit', value: usd.format(t.gross_profit_usd) },
      { label: 'Gross margin', value: `${t.gross_margin_pct.toFixed(2)} %` },
    ],
    notes,
    release: () => Promise.resolve(),
  };
}
