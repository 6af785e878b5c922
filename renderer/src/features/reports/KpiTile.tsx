import { useEffect, useState } from 'react';
import type { ParamValues, SavedQuery } from '@shared/queries.schema';
import { ChartView } from '../../components/chart/ChartView';
import { rowsToSeries } from '../../components/chart/rows-to-series';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading, Panel } from '../../components/Layout';
import { routeHref } from '../../app/route';
import { formatCount, formatDuration } from '../../lib/format';
import { useLake } from '../../lib/LakeProvider';
import { useJobRunner } from '../../lib/useJobRunner';
import { formatsFor, withFormats } from '../queries/ResultChart';

/** Bars a tile shows before the chart turns into a barcode; the full list is one click away. */
const TILE_CATEGORIES = 12;

/** One KPI saved query drawn by its chart spec; runs again when its parameters or `refresh` change. */
export function KpiTile({
  query,
  params,
  refresh,
}: {
  query: SavedQuery;
  params: ParamValues;
  refresh: number;
}) {
  const lake = useLake();
  const job = useJobRunner('queries.run');
  const [ranAt, setRanAt] = useState<number>();
  const { run } = job;
  const paramKey = JSON.stringify(params);

  useEffect(() => {
    let isCurrent = true;
    void run({ savedId: query.id, params: JSON.parse(paramKey) as ParamValues }).then((result) => {
      if (!result) return;
      // The tile keeps only the first rows it draws; the engine's copy is freed at once.
      void lake.call('queries.discardResult', { resultId: result.resultId }).catch(() => undefined);
      if (isCurrent) setRanAt(Date.now());
    });
    return () => {
      isCurrent = false;
    };
  }, [lake, run, query.id, paramKey, refresh]);

  const result = job.result;
  const spec = query.chart;
  const rows =
    result?.firstRows.slice(0, spec?.horizontal || spec?.type === 'bar' ? TILE_CATEGORIES : undefined) ?? [];
  const drawn = spec && result ? rowsToSeries(spec, result.columns, rows) : undefined;
  const more = result ? result.rowCount - rows.length : 0;

  return (
    <Panel
      title={query.name}
      testId={`kpi-tile-${query.id}`}
      actions={
        <a
          className="button small subtle"
          href={routeHref('queries', '', { saved: query.id })}
          title="Open in the query editor"
        >
          Open
        </a>
      }
    >
      <p className="muted kpi-tile-desc">{query.description}</p>
      {job.state === 'running' && !result && <Loading label="Running…" />}
      {job.error && (
        <ErrorBanner error={job.error} compact onRetry={() => void run({ savedId: query.id, params })} />
      )}
      {result && drawn && spec && (
        <div className={job.state === 'running' ? 'kpi-tile-chart stale' : 'kpi-tile-chart'}>
          <ChartView
            kind={spec.type}
            labels={drawn.labels}
            series={withFormats(drawn.series)}
            horizontal={spec.horizontal}
            height={260}
            ariaLabel={spec.title ?? query.name}
            testId="kpi-chart"
            {...formatsFor(spec.y)}
          />
        </div>
      )}
      {result && !spec && <p className="muted">This query has no chart.</p>}
      {result && (
        <div className="kpi-tile-foot muted" data-testid="kpi-tile-foot">
          {formatCount(result.rowCount)} rows
          {more > 0 && ` (chart shows the first ${rows.length})`} · {formatDuration(result.elapsedMs)}
          {ranAt &&
            ` · ${new Date(ranAt).toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit' })}`}
        </div>
      )}
    </Panel>
  );
}
