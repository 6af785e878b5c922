import type { Cell, ChartSpec, ColumnInfo } from '@shared/results.schema';
import type { Series } from './ChartView';

/** Most categories a chart shows before it stops being readable; the rest are left out. */
export const MAX_CATEGORIES = 50;

export interface RowsChart {
  labels: string[];
  series: Series[];
  /** Rows left out because the chart would be unreadable. */
  omitted: number;
  /** Columns named by the spec that the result does not have. */
  missing: string[];
}

/** Draws a result's rows by a chart spec: `x` gives the labels, each `y` column one series. */
export function rowsToSeries(
  spec: Pick<ChartSpec, 'x' | 'y'>,
  columns: ColumnInfo[],
  rows: Cell[][],
): RowsChart {
  const indexOf = (name: string) => columns.findIndex((c) => c.name === name);
  const xIndex = indexOf(spec.x);
  const yIndexes = spec.y.map(indexOf);
  const missing = [spec.x, ...spec.y].filter((name) => indexOf(name) < 0);
  if (missing.length > 0) return { labels: [], series: [], omitted: 0, missing };

  const shown = rows.slice(0, MAX_CATEGORIES);
  return {
    labels: shown.map((row) => label(row[xIndex])),
    series: spec.y.map((name, i) => ({
      label: name,
      data: shown.map((row) => toNumber(row[yIndexes[i] ?? -1])),
    })),
    omitted: Math.max(0, rows.length - shown.length),
    missing: [],
  };
}

function label(value: Cell | undefined): string {
  return value === null || value === undefined ? '(empty)' : String(value);
}

function toNumber(value: Cell | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : 0;
  }
  return 0;
}
