import type { Crawler } from '@shared/glue.schema';
import { Icon } from '../../../components/Icon';
import { formatRelative } from '../../../lib/format';
import { formatSeconds } from '../../../lib/format-time';
import { CrawlerStateBadge, CrawlStatusBadge } from './CrawlerStateBadge';
import { CrawlerActions } from './CrawlerActions';
import { targetsText } from './crawler-view';

/** The workspace's crawlers: state, target, last crawl; a row opens the crawler's detail. */
export function CrawlerList({
  crawlers,
  selected,
  onSelect,
  onStart,
  onStop,
}: {
  crawlers: Crawler[];
  selected: string | undefined;
  onSelect: (name: string) => void;
  onStart: (name: string) => void;
  onStop: (name: string) => void;
}) {
  return (
    <table className="data-table crawler-table" data-testid="crawler-list">
      <thead>
        <tr>
          <th>Crawler</th>
          <th>State</th>
          <th>Database</th>
          <th>S3 targets</th>
          <th>Schedule</th>
          <th>Last crawl</th>
          <th className="num">Last runtime</th>
          <th aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {crawlers.map((c) => (
          <tr
            key={c.name}
            className={c.name === selected ? 'selected' : undefined}
            data-testid="crawler-row"
            data-crawler={c.name}
          >
            <td>
              <button
                type="button"
                className="entry-name"
                aria-pressed={c.name === selected}
                onClick={() => onSelect(c.name)}
              >
                <Icon name="refresh" size={14} className="muted" />
                <span>{c.name}</span>
              </button>
            </td>
            <td>
              <CrawlerStateBadge state={c.state} />
            </td>
            <td className="mono">{c.database}</td>
            <td className="mono muted value-cell wide" title={targetsText(c)}>
              {targetsText(c)}
            </td>
            <td className="mono muted nowrap">{c.schedule?.expression ?? '—'}</td>
            <td className="nowrap">
              {c.lastCrawl ? (
                <span className="row tight">
                  <CrawlStatusBadge status={c.lastCrawl.status} />
                  <span className="muted">{formatRelative(c.lastCrawl.startedAt)}</span>
                </span>
              ) : (
                <span className="muted">Never run</span>
              )}
            </td>
            <td className="num nowrap">
              {c.metrics?.lastRuntimeSeconds ? formatSeconds(c.metrics.lastRuntimeSeconds) : '—'}
            </td>
            <td className="num">
              <CrawlerActions crawler={c} onStart={onStart} onStop={onStop} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
