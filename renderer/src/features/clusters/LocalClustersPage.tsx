import type { PageProps } from '../../app/Shell';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { Badge, PageHeader, Panel } from '../../components/Layout';
import { formatDateTime, formatDuration } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { LakeJobCard } from './LakeJobCard';
import { countLabel } from './RunCounts';

const STATE_TONE = { succeeded: 'ok', failed: 'danger', cancelled: 'neutral' } as const;

/** The jobs of a local lake: the local twin of the EMR steps, with their run history. */
export function LocalClustersPage(_props: PageProps) {
  const history = useCall('clusters.jobHistory', {});

  return (
    <div className="page" data-testid="page-clusters">
      <PageHeader
        title="Clusters"
        subtitle="Lake jobs: the local twin of the EMR steps. The same job SQL runs on this machine with DuckDB."
        actions={
          <button type="button" className="button" onClick={history.reload}>
            <Icon name="refresh" size={15} /> Refresh
          </button>
        }
      />
      <div className="cluster-jobs">
        <LakeJobCard
          name="gross-profit"
          title="Gross profit report"
          description={
            <>
              Joins billing, units sold and production costs by (company, item) and writes the report to{' '}
              <code>curated/</code>.
            </>
          }
          onFinished={history.reload}
        />
        <LakeJobCard
          name="process-orders"
          title="Process orders"
          description={
            <>
              Cleans <code>raw/orders</code> into <code>processed/</code>: normalises dates, drops unparseable
              ones and stale Pending or Cancelled orders.
            </>
          }
          hasAgeWindow
          onFinished={history.reload}
        />
      </div>
      <Panel title="History" className="flush" testId="job-history">
        {history.error && <ErrorBanner error={history.error} onRetry={history.reload} />}
        {history.data && history.data.length === 0 && (
          <p className="muted pad">No lake job has run in this lake yet.</p>
        )}
        {history.data && history.data.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th>Job</th>
                <th>State</th>
                <th>Started</th>
                <th className="num">Took</th>
                <th>Counts</th>
                <th>Outputs</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((run) => (
                <tr key={`${run.name}:${run.startedAt}`} data-testid="history-row">
                  <td className="mono strong nowrap">{run.name}</td>
                  <td>
                    <Badge tone={STATE_TONE[run.state]}>{run.state}</Badge>
                    {run.error && <div className="job-error-inline">{run.error}</div>}
                  </td>
                  <td className="nowrap">{formatDateTime(run.startedAt)}</td>
                  <td className="num nowrap">
                    {formatDuration(new Date(run.endedAt).getTime() - new Date(run.startedAt).getTime())}
                  </td>
                  <td>
                    {Object.entries(run.counts)
                      .map(([k, v]) => `${countLabel(k)} ${v.toLocaleString('en-US')}`)
                      .join(' · ') || '—'}
                  </td>
                  <td className="mono muted">{run.outputs.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}
