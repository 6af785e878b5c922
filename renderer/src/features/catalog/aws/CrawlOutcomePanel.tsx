import type { CrawlOutcome } from '@shared/glue.schema';
import { Icon } from '../../../components/Icon';
import { Badge } from '../../../components/Layout';
import { formatDateTime, formatDuration } from '../../../lib/format';
import type { TableKey } from './GlueTableList';
import { SavedQueryLinks } from './SavedQueryLinks';

const HEADLINE: Record<
  CrawlOutcome['status'],
  { icon: 'check' | 'alert' | 'stop'; tone: string; verb: string }
> = {
  SUCCEEDED: { icon: 'check', tone: 'ok', verb: 'finished' },
  FAILED: { icon: 'alert', tone: 'danger', verb: 'failed' },
  CANCELLED: { icon: 'stop', tone: 'neutral', verb: 'was stopped' },
};

/**
 * The pipeline link after a watched crawl: the tables it created or updated and the saved queries
 * that read them; for a failed crawl its error and where its log is.
 */
export function CrawlOutcomePanel({
  outcome,
  onOpenTable,
  onDismiss,
}: {
  outcome: CrawlOutcome;
  onOpenTable: (key: TableKey) => void;
  onDismiss: () => void;
}) {
  const head = HEADLINE[outcome.status];
  const { changes } = outcome;
  const last = outcome.crawler.lastCrawl;
  return (
    <section
      className={`panel crawl-outcome tone-border-${head.tone}`}
      data-testid="crawl-outcome"
      data-crawler={outcome.crawler.name}
      data-status={outcome.status}
    >
      <div className="panel-header">
        <Icon name={head.icon} size={16} className={`tone-${head.tone}`} />
        <h2 className="panel-title">
          Crawler {outcome.crawler.name} {head.verb}
          {outcome.durationMs !== undefined && (
            <span className="muted normal"> in {formatDuration(outcome.durationMs)}</span>
          )}
          <span className="muted normal"> · started {formatDateTime(outcome.startedAt)}</span>
        </h2>
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          <Icon name="close" size={14} />
        </button>
      </div>
      <div className="panel-body outcome-body">
        {outcome.status === 'FAILED' && (
          <div className="inline-error" role="alert" data-testid="crawl-outcome-error">
            <Icon name="alert" size={14} />
            <div>
              <div>{outcome.errorMessage ?? 'The crawl failed without an error message.'}</div>
              {last?.logGroup && (
                <div className="muted">
                  Its log: CloudWatch <span className="mono">{last.logGroup}</span>
                  {last.logStream && (
                    <>
                      {' '}
                      / <span className="mono">{last.logStream}</span>
                    </>
                  )}
                </div>
              )}
            </div>
          </div>
        )}
        {outcome.status === 'CANCELLED' && (
          <p className="muted">
            The crawl was stopped before it finished; tables it had not reached are unchanged.
          </p>
        )}
        {outcome.status === 'SUCCEEDED' && (
          <div className="outcome-columns">
            <div>
              <h3 className="section-title">
                {changes.length === 0
                  ? 'No table changed'
                  : `${changes.length} table${changes.length === 1 ? '' : 's'} changed`}
                {outcome.tablesDeleted > 0 && (
                  <span className="muted normal"> · {outcome.tablesDeleted} deleted</span>
                )}
              </h3>
              {changes.length > 0 && (
                <ul className="changed-tables" data-testid="changed-tables">
                  {changes.map((t) => (
                    <li key={`${t.database}.${t.name}`} data-testid="changed-table" data-table={t.name}>
                      <Badge tone={t.change === 'created' ? 'ok' : 'accent'}>{t.change}</Badge>
                      <button
                        type="button"
                        className="link-button mono"
                        onClick={() => onOpenTable({ database: t.database, table: t.name })}
                      >
                        {t.database}.{t.name}
                      </button>
                      <span className="mono muted">{t.location}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3 className="section-title">Saved queries that read them</h3>
              <SavedQueryLinks queries={outcome.savedQueries} empty="No saved query reads these tables." />
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
