import type { OpenedChart } from '@shared/bundles.schema';
import type { ValueFormat } from '@shared/bundle-manifest.schema';
import type { Series } from '../../../components/chart/ChartView';
import { rowsToSeries } from '../../../components/chart/rows-to-series';
import { formatNumber, formatPercent, formatUsd, formatUsdCompact } from '../../../lib/format';

const FORMATS: Record<ValueFormat, Pick<Series, 'format' | 'axisFormat'>> = {
  usd: { format: formatUsd, axisFormat: formatUsdCompact },
  percent: { format: (v) => formatPercent(v, 2), axisFormat: (v) => `${v} %` },
  number: { format: formatNumber, axisFormat: formatNumber },
};

export interface BundleChartData {
  labels: string[];
  series: Series[];
  format: (value: number) => string;
  axisFormat: (value: number) => string;
  /** Columns the spec names that the bundled rows lack (a damaged bundle). */
  missing: string[];
}

/**
 * A bundled chart as ChartView draws it: the table's first `rowLimit` rows, the bundle's legend
 * labels, and each series in its own value format (dollars, counts, percentages).
 */
export function bundleChartData(chart: OpenedChart): BundleChartData {
  const drawn = rowsToSeries(chart.spec, chart.data.columns, chart.data.rows.slice(0, chart.rowLimit));
  const formatOf = (column: string) => FORMATS[chart.seriesFormats[column] ?? 'number'];
  const series = drawn.series.map((s) => ({
    ...s,
    label: chart.seriesLabels[s.label] ?? s.label,
    ...formatOf(s.label),
  }));
  const first = formatOf(chart.spec.y[0] ?? '');
  return {
    labels: drawn.labels,
    series,
    format: first.format ?? formatNumber,
    axisFormat: first.axisFormat ?? formatNumber,
    missing: drawn.missing,
  };
}
