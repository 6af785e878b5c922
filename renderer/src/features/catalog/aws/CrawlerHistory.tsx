import { useEffect, useRef } from 'react';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Badge } from '../../../components/Layout';
import { formatDateTime } from '../../../lib/format';
import { formatSeconds } from '../../../lib/format-time';
import { useCall } from '../../../lib/useCall';
import { CRAWL_RUN_TONE, crawlSummaryText } from './crawler-view';

/** A crawler's past runs, newest first (Glue ListCrawls), read again whenever the crawler changes. */
export function CrawlerHistory({
  workspaceId,
  name,
  version,
}: {
  workspaceId: string;
  name: string;
  version: string;
}) {
  const history = useCall('catalog.crawlerHistory', { workspaceId, name, maxResults: 10 });
  const { reload } = history;
  // The first read is useCall's own; read again when a run starts or ends.
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  const runs = history.data?.runs;
  return (
    <div className="crawler-history" data-testid="crawler-history">
      <h3 className="section-title pad-x">Run history</h3>
      {history.error && <ErrorBanner error={history.error} compact onRetry={reload} />}
      {runs && runs.length === 0 && <p className="muted pad">No runs yet.</p>}
      {runs && runs.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>State</th>
              <th>Started</th>
              <th>Ended</th>
              <th className="num">Duration</th>
              <th>Summary</th>
              <th>Log stream</th>
              <th className="num">DPU hours</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} data-testid="crawl-run" data-state={r.state}>
                <td>
                  <Badge tone={CRAWL_RUN_TONE[r.state]}>{r.state}</Badge>
                </td>
                <td className="nowrap">{formatDateTime(r.startedAt)}</td>
                <td className="nowrap">{formatDateTime(r.endedAt)}</td>
                <td className="num nowrap">
                  {r.durationSeconds === undefined ? '—' : formatSeconds(r.durationSeconds)}
                </td>
                <td>
                  {r.errorMessage ? (
                    <span className="danger-text">{r.errorMessage}</span>
                  ) : (
                    <span className="muted">{crawlSummaryText(r.summary) ?? '—'}</span>
                  )}
                </td>
                <td className="mono muted nowrap">
                  {r.logGroup ? `${r.logGroup} / ${r.logStream ?? ''}` : '—'}
                </td>
                <td className="num">{r.dpuHours === undefined ? '—' : r.dpuHours.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
