import { useMemo, useState } from 'react';
import type { QueryResult } from '@shared/queries.schema';
import type { ChartSpec } from '@shared/results.schema';
import { ChartView, type ChartKind, type Series } from '../../components/chart/ChartView';
import { MAX_CATEGORIES, rowsToSeries } from '../../components/chart/rows-to-series';
import { isNumericType } from '../../components/grid/columns';
import { formatNumber, formatUsd, formatUsdCompact } from '../../lib/format';

const KINDS: ChartKind[] = ['bar', 'line', 'pie', 'doughnut'];
const MONEY = /(amount|revenue|sales|value|usd|cogs|profit|price|cost)/i;

/** Money columns read as dollars; everything else as plain numbers. */
export function formatsFor(columns: string[]) {
  const isMoney = columns.length > 0 && columns.every((c) => MONEY.test(c));
  return isMoney
    ? { format: formatUsd, axisFormat: formatUsdCompact }
    : { format: formatNumber, axisFormat: formatNumber };
}

/** Gives each series the format of its own column, for charts that mix money and counts. */
export function withFormats(series: Series[]): Series[] {
  return series.map((s) => ({ ...s, ...formatsFor([s.label]) }));
}

/** Picks a sensible chart for a result that has no saved spec: first text column by first number. */
export function defaultSpec(result: QueryResult): ChartSpec | undefined {
  const x = result.columns.find((c) => !isNumericType(c.type)) ?? result.columns[0];
  const y = result.columns.find((c) => isNumericType(c.type) && c.name !== x?.name);
  return x && y ? { type: 'bar', x: x.name, y: [y.name] } : undefined;
}

/** A result as a chart: the saved query's spec to start with, then any x/y/type the person picks. */
export function ResultChart({
  result,
  savedSpec,
}: {
  result: QueryResult;
  savedSpec: ChartSpec | undefined;
}) {
  const [spec, setSpec] = useState<ChartSpec | undefined>(() => savedSpec ?? defaultSpec(result));
  const numeric = result.columns.filter((c) => isNumericType(c.type));
  const drawn = useMemo(
    () => (spec ? rowsToSeries(spec, result.columns, result.firstRows) : undefined),
    [spec, result],
  );

  if (!spec || numeric.length === 0) {
    return <p className="muted pad">This result has no numeric column to chart.</p>;
  }
  const toggleY = (name: string) => {
    const y = spec.y.includes(name) ? spec.y.filter((n) => n !== name) : [...spec.y, name];
    if (y.length > 0) setSpec({ ...spec, y });
  };
  const truncated = Math.max(drawn?.omitted ?? 0, result.rowCount - result.firstRows.length);

  return (
    <div className="result-chart" data-testid="result-chart">
      <div className="toolbar chart-controls">
        <label className="field-label inline" htmlFor="chart-type">
          Chart
        </label>
        <select
          id="chart-type"
          className="select"
          value={spec.type}
          onChange={(e) => setSpec({ ...spec, type: e.target.value as ChartKind })}
          data-testid="chart-type"
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k[0]!.toUpperCase() + k.slice(1)}
            </option>
          ))}
        </select>
        <label className="field-label inline" htmlFor="chart-x">
          X
        </label>
        <select
          id="chart-x"
          className="select"
          value={spec.x}
          onChange={(e) => setSpec({ ...spec, x: e.target.value })}
          data-testid="chart-x"
        >
          {result.columns.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
        <span className="field-label inline">Y</span>
        <span className="y-picks" data-testid="chart-y">
          {numeric.map((c) => (
            <label key={c.name} className={spec.y.includes(c.name) ? 'segment active' : 'segment'}>
              <input type="checkbox" checked={spec.y.includes(c.name)} onChange={() => toggleY(c.name)} />
              {c.name}
            </label>
          ))}
        </span>
        {spec.type === 'bar' && (
          <label className="check">
            <input
              type="checkbox"
              checked={spec.horizontal ?? false}
              onChange={(e) => setSpec({ ...spec, horizontal: e.target.checked })}
            />
            Horizontal
          </label>
        )}
        {savedSpec && spec !== savedSpec && (
          <button type="button" className="button small subtle" onClick={() => setSpec(savedSpec)}>
            Reset to saved chart
          </button>
        )}
      </div>
      {drawn && drawn.missing.length > 0 ? (
        <p className="muted pad">The result has no column {drawn.missing.join(', ')}; pick others above.</p>
      ) : (
        drawn && (
          <ChartView
            kind={spec.type}
            labels={drawn.labels}
            series={withFormats(drawn.series)}
            horizontal={spec.horizontal}
            height={spec.horizontal ? Math.max(320, drawn.labels.length * 22 + 60) : 360}
            ariaLabel={spec.title ?? `${spec.y.join(', ')} by ${spec.x}`}
            testId="query-chart"
            {...formatsFor(spec.y)}
          />
        )
      )}
      {truncated > 0 && (
        <p className="muted table-note">
          The chart shows the first {Math.min(MAX_CATEGORIES, result.firstRows.length)} rows of{' '}
          {result.rowCount.toLocaleString('en-US')}.
        </p>
      )}
    </div>
  );
}
