import { basename } from 'node:path';
import type { BundleWorkspace } from '@shared/bundle-manifest.schema';
import type { ChartSpec, ColumnInfo } from '@shared/results.schema';
import type { DuckDbQueryEngine } from '../../engine/duckdb-query-engine';
import { exactChunks } from '../../engine/result-export';
import type { Services } from '../../services';
import { formatOfColumn, labelOf, type ChartPlan, type TableSource } from './bundle-content';
import { isNumberType } from './number-text';

/** A kept result of a lake engine as a bundle table (exact text, the engine's column types). */
export function resultTable(
  engine: DuckDbQueryEngine,
  resultId: string,
  name: string,
  title: string,
): TableSource {
  return {
    name,
    title,
    columns: engine.columns(resultId),
    rows: (signal) => exactChunks(engine, resultId, signal),
  };
}

/** Most categories a chart shows (the app's MAX_CATEGORIES); horizontal bars stop sooner on paper. */
const MAX_CATEGORIES = 50;
const MAX_HORIZONTAL_BARS = 25;

/**
 * A chart over a bundled table from a spec. Long tables show their first rows only (queries that
 * chart are ordered, largest first), and the title says so.
 */
export function chartPlan(
  id: string,
  table: string,
  spec: ChartSpec,
  rowCount: number,
  notes: string[],
): ChartPlan {
  const cap = spec.horizontal ? MAX_HORIZONTAL_BARS : MAX_CATEGORIES;
  const rowLimit = Math.max(1, Math.min(rowCount, cap));
  const base = spec.title ?? labelOf(table);
  const title = rowCount > cap ? `${base} (first ${cap} of ${rowCount})` : base;
  if (rowCount > cap)
    notes.push(`Chart "${base}" shows the first ${cap} of ${rowCount} rows of table ${table}.`);
  return {
    id,
    title,
    table,
    spec: { ...spec, title },
    rowLimit,
    seriesLabels: Object.fromEntries(spec.y.map((y) => [y, labelOf(y)])),
    seriesFormats: Object.fromEntries(spec.y.map((y) => [y, formatOfColumn(y)])),
  };
}

/** A bar chart for a result without one: the first text column against its numeric columns. */
export function guessChart(columns: ColumnInfo[], rowCount: number): ChartSpec | undefined {
  const x = columns.find((c) => !isNumberType(c.type));
  const y = columns.filter((c) => isNumberType(c.type)).slice(0, 3);
  if (!x || y.length === 0 || rowCount === 0) return undefined;
  return { type: 'bar', x: x.name, y: y.map((c) => c.name), horizontal: rowCount > 12 };
}

/** The manifest's workspace for a local lake folder: its saved name when it is a known workspace. */
export async function localWorkspace(
  ctx: Pick<Services, 'workspaces'>,
  root: string,
): Promise<BundleWorkspace> {
  const { workspaces } = await ctx.workspaces.list();
  const known = workspaces.find((w) => w.kind === 'local' && w.path === root);
  return { kind: 'local', name: known?.name ?? basename(root), lakePath: root };
}
