import type { GrossProfitReport, GrossProfitRow } from '@shared/reports.schema';
import { grossProfitNotesSql } from '@shared/sql/saved-queries';
import type { JobProgress } from '@shared/jobs.schema';
import type { DuckDbQueryEngine } from '../engine/duckdb-query-engine';
import { exactChunks } from '../engine/result-export';
import { requireSavedQuery } from '../queries/require-saved-query';
import { centsToNumber, toCents } from './money';
import { rollupBy, totalOf, type RowCents } from './rollups';

/** Why a bill is left out, in the order the notes SQL tests them (a bill counts once, for the first). */
export const EXCLUSION_REASONS = [
  'missing id',
  'unknown currency',
  'no production_costs row for the item',
  'no units_sold row for (company, item)',
] as const;

type Row = GrossProfitRow & RowCents;

function toRow(cells: ReadonlyArray<string | null>): Row {
  const [id, company, country, line, item, revenue, units, cost, cogs, profit, margin] = cells.map(
    (c) => c ?? '',
  );
  return {
    id: id!,
    company_name: company!,
    country: country!,
    product_line: line!,
    item: item!,
    revenue_usd: Number(revenue),
    units_sold: Number(units),
    cost_per_unit_usd: Number(cost),
    cogs_usd: Number(cogs),
    gross_profit_usd: Number(profit),
    gross_margin_pct: Number(margin),
    revenue: toCents(revenue!),
    cogs: toCents(cogs!),
    grossProfit: toCents(profit!),
  };
}

async function reportRows(engine: DuckDbQueryEngine, signal: AbortSignal): Promise<Row[]> {
  const result = await engine.run({ sql: requireSavedQuery('gross-profit').sql, params: {} }, signal);
  try {
    const rows: Row[] = [];
    for await (const chunk of exactChunks(engine, result.resultId)) rows.push(...chunk.map(toRow));
    return rows;
  } finally {
    await engine.discard(result.resultId);
  }
}

/**
 * The gross profit report (DOMAIN.md): the rows of the one gross-profit SQL, roll-ups added in exact
 * cents from the rounded rows (as a finance analyst adds up the report), and the notes: bills left out
 * by reason, revenue by month of the bills that are in.
 */
export async function buildGrossProfitReport(
  engine: DuckDbQueryEngine,
  signal: AbortSignal,
  progress: (p: JobProgress) => void = () => undefined,
): Promise<GrossProfitReport> {
  progress({ done: 0, total: 2, message: 'gross profit per company and item' });
  const rows = await reportRows(engine, signal);
  progress({ done: 1, total: 2, message: 'exclusions and months' });
  const notes = await engine.queryExact(grossProfitNotesSql, {}, signal);
  const excluded = new Map<string, number>(EXCLUSION_REASONS.map((r) => [r, 0]));
  const byMonth: GrossProfitReport['byMonth'] = [];
  for (const [reason = null, month, bills, revenue] of notes.rows) {
    if (reason === null)
      byMonth.push({ month: month ?? '', revenue_usd: centsToNumber(toCents(revenue ?? '0')) });
    else excluded.set(reason, (excluded.get(reason) ?? 0) + Number(bills));
  }
  progress({ done: 2, total: 2 });
  return {
    rows: rows.map(({ revenue: _r, cogs: _c, grossProfit: _g, ...row }) => row),
    totals: totalOf(rows),
    byProductLine: rollupBy(rows, (r) => r.product_line),
    byCountry: rollupBy(rows, (r) => r.country),
    byMonth,
    exclusions: [...excluded].map(([reason, count]) => ({ reason, count })),
    generatedAt: new Date().toISOString(),
  };
}
