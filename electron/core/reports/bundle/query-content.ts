import type { BundleQuery, BundleWorkspace } from '@shared/bundle-manifest.schema';
import type { ParamValues, SavedQuery } from '@shared/queries.schema';
import type { ChartSpec } from '@shared/results.schema';
import type { DuckDbQueryEngine } from '../../engine/duckdb-query-engine';
import { requireSavedQuery } from '../../queries/require-saved-query';
import { resolveSavedParams } from '../../queries/saved-params';
import { tableNameOf, type BundleContent, type ChartPlan, type TableSource } from './bundle-content';
import { chartPlan, guessChart, resultTable } from './result-tables';

/** The KPI dashboard's saved queries, in DOMAIN.md's order. */
export const KPI_QUERIES = [
  'total-sales-by-customer',
  'monthly-order-volume',
  'order-status',
  'average-order-value',
  'top-orders-in-month',
] as const;

/** A query result to bundle, still kept by its engine. */
export interface KeptQuery {
  engine: DuckDbQueryEngine;
  resultId: string;
  table: string;
  title: string;
  sql: string;
  params: ParamValues;
  savedId?: string;
  chart?: ChartSpec;
  rowCount: number;
  elapsedMs?: number;
}

/** Runs a saved query on the lake engine, keeping its result for the bundle. */
export async function runSaved(
  engine: DuckDbQueryEngine,
  saved: SavedQuery,
  given: ParamValues,
  signal: AbortSignal,
): Promise<KeptQuery> {
  const { bound, echo } = resolveSavedParams(saved, given);
  const result = await engine.run({ sql: saved.sql, params: bound }, signal);
  return {
    engine,
    resultId: result.resultId,
    table: tableNameOf(saved.id),
    title: saved.name,
    sql: saved.sql,
    params: echo,
    savedId: saved.id,
    ...(saved.chart ? { chart: saved.chart } : {}),
    rowCount: result.rowCount,
    elapsedMs: Math.round(result.elapsedMs),
  };
}

/** Bundle content over kept query results: a table each, its chart, its query in the manifest. */
export function queriesContent(
  kept: KeptQuery[],
  meta: Pick<BundleContent, 'title' | 'kind' | 'workspace' | 'highlights'> & { discard: boolean },
): BundleContent {
  const notes: string[] = [];
  const tables: TableSource[] = [];
  const queries: BundleQuery[] = [];
  const charts: ChartPlan[] = [];
  for (const k of kept) {
    const { rowCount } = k;
    tables.push(resultTable(k.engine, k.resultId, k.table, k.title));
    queries.push({
      table: k.table,
      title: k.title,
      ...(k.savedId ? { savedId: k.savedId } : {}),
      sql: k.sql,
      params: k.params,
      engine: 'duckdb',
      rowCount,
      ...(k.elapsedMs === undefined ? {} : { elapsedMs: k.elapsedMs }),
    });
    const spec = k.chart ?? guessChart(k.engine.columns(k.resultId), rowCount);
    if (spec)
      charts.push(
        chartPlan(
          k.table.replace(/_/g, '-'),
          k.table,
          { ...spec, title: spec.title ?? k.title },
          rowCount,
          notes,
        ),
      );
  }
  return {
    ...meta,
    queries,
    tables,
    charts,
    notes,
    // Results the export ran itself are freed once staged; a result the person is looking at stays.
    release: async () => {
      if (meta.discard) await Promise.all(kept.map((k) => k.engine.discard(k.resultId)));
    },
  };
}

/** The KPI dashboard: the five KPI queries, run now, with headline figures from the monthly one. */
export async function kpiContent(
  engine: DuckDbQueryEngine,
  workspace: BundleWorkspace,
  month: string | undefined,
  signal: AbortSignal,
): Promise<BundleContent> {
  const kept: KeptQuery[] = [];
  try {
    for (const id of KPI_QUERIES) {
      const params: ParamValues = id === 'top-orders-in-month' && month !== undefined ? { month } : {};
      kept.push(await runSaved(engine, requireSavedQuery(id), params, signal));
    }
  } catch (error) {
    await Promise.all(kept.map((k) => engine.discard(k.resultId)));
    throw error;
  }
  const monthly = engine.resultTable(kept[1]!.resultId);
  const totals = await engine.queryExact(
    `SELECT CAST(sum(order_count) AS BIGINT), CAST(sum(total_revenue) AS DECIMAL(38,2)) FROM ${monthly}`,
  );
  const [orders = '0', revenue = '0'] = (totals.rows[0] ?? []).map((c) => c ?? '0');
  const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  const highlights = [
    { label: 'Orders', value: Number(orders).toLocaleString('en-US') },
    { label: 'Revenue', value: usd.format(Number(revenue)) },
    { label: 'Customers', value: kept[0]!.rowCount.toLocaleString('en-US') },
    {
      label: 'Average order value',
      value: usd.format(Number(orders) ? Number(revenue) / Number(orders) : 0),
    },
  ];
  return queriesContent(kept, { title: 'KPI dashboard', kind: 'kpis', workspace, highlights, discard: true });
}
