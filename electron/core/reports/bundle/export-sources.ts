import type { ExportSource } from '@shared/bundles.schema';
import { findSavedQuery } from '@shared/sql/saved-queries';
import { activeLake } from '../../engine/active-lake';
import type { Services } from '../../services';
import { requireSavedQuery } from '../../queries/require-saved-query';
import { tableNameOf, type BundleContent } from './bundle-content';
import { grossProfitContent } from './gross-profit-content';
import { kpiContent, queriesContent, runSaved } from './query-content';
import { localWorkspace } from './result-tables';

type Ctx = Pick<Services, 'workspaces' | 'engines'>;

/** A title for the export job and the bundle, before anything runs. */
export function titleOf(source: ExportSource): string {
  switch (source.kind) {
    case 'grossProfit':
      return 'Gross profit';
    case 'kpis':
      return 'KPI dashboard';
    case 'saved':
      return findSavedQuery(source.savedId)?.name ?? source.savedId;
    case 'result':
      return source.title ?? (source.savedId && findSavedQuery(source.savedId)?.name) ?? 'Query result';
  }
}

async function resultContent(
  ctx: Ctx,
  source: Extract<ExportSource, { kind: 'result' }>,
): Promise<BundleContent> {
  const lake = await ctx.engines.withResult(source.resultId);
  const saved = source.savedId === undefined ? undefined : findSavedQuery(source.savedId);
  const { rowCount } = await lake.engine.page(source.resultId, { offset: 0, limit: 1, sort: [] });
  const chart = source.chart ?? saved?.chart;
  const kept = {
    engine: lake.engine,
    resultId: source.resultId,
    table: tableNameOf(source.savedId ?? 'result'),
    title: titleOf(source),
    sql: source.sql,
    params: source.params,
    rowCount,
    ...(source.savedId === undefined ? {} : { savedId: source.savedId }),
    ...(chart ? { chart } : {}),
  };
  const workspace = await localWorkspace(ctx, lake.root);
  return queriesContent([kept], {
    title: kept.title,
    kind: 'query',
    workspace,
    highlights: [],
    discard: false,
  });
}

/** Runs what the source needs on the lake and returns what goes into the bundle. */
export async function contentFor(
  ctx: Ctx,
  source: ExportSource,
  signal: AbortSignal,
): Promise<BundleContent> {
  if (source.kind === 'result') return resultContent(ctx, source);
  const lake = await activeLake(ctx);
  const workspace = await localWorkspace(ctx, lake.root);
  switch (source.kind) {
    case 'grossProfit':
      return grossProfitContent(lake.engine, workspace, signal);
    case 'kpis':
      return kpiContent(lake.engine, workspace, source.month, signal);
    case 'saved': {
      const saved = requireSavedQuery(source.savedId);
      const kept = await runSaved(lake.engine, saved, source.params, signal);
      return queriesContent([kept], {
        title: saved.name,
        kind: 'query',
        workspace,
        highlights: [],
        discard: true,
      });
    }
  }
}
