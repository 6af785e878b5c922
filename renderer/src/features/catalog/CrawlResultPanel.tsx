import type { CrawlResult } from '@shared/catalog.schema';
import { Icon } from '../../components/Icon';
import { formatDuration } from '../../lib/format';

/** A crawl's metrics, like a Glue crawler run: tables created, updated, deleted, and problems. */
export function CrawlResultPanel({ result, onDismiss }: { result: CrawlResult; onDismiss: () => void }) {
  const groups = [
    { label: 'Created', names: result.tablesCreated, tone: 'ok' },
    { label: 'Updated', names: result.tablesUpdated, tone: 'accent' },
    { label: 'Deleted', names: result.tablesDeleted, tone: 'danger' },
  ] as const;
  return (
    <section className="crawl-result panel" data-testid="crawl-result">
      <div className="panel-header">
        <Icon name="check" size={16} className="ok-text" />
        <h2 className="panel-title">
          Crawl finished: {result.tables} table{result.tables === 1 ? '' : 's'} in{' '}
          {formatDuration(result.durationMs)}
        </h2>
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          <Icon name="close" size={14} />
        </button>
      </div>
      <div className="panel-body crawl-metrics">
        {groups.map((g) => (
          <div key={g.label} className="crawl-metric" data-testid={`crawl-${g.label.toLowerCase()}`}>
            <div className={`crawl-metric-value tone-${g.tone}`}>{g.names.length}</div>
            <div className="crawl-metric-label">{g.label}</div>
            <div className="crawl-metric-names">{g.names.length > 0 ? g.names.join(', ') : '—'}</div>
          </div>
        ))}
        <div className="crawl-metric" data-testid="crawl-problems">
          <div className={`crawl-metric-value ${result.problems.length > 0 ? 'tone-warn' : ''}`}>
            {result.problems.length}
          </div>
          <div className="crawl-metric-label">Problems</div>
        </div>
      </div>
      {result.problems.length > 0 && (
        <ul className="crawl-problems">
          {result.problems.map((p) => (
            <li key={p.location}>
              <Icon name="alert" size={14} className="warn-text" />
              <span className="mono">{p.location}</span> {p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
