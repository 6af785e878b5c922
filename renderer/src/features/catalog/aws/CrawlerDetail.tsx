import type { Crawler } from '@shared/glue.schema';
import { CopyButton } from '../../../components/CopyButton';
import { Fact, Facts } from '../../../components/Facts';
import { Icon } from '../../../components/Icon';
import { Badge } from '../../../components/Layout';
import { formatDateTime, formatDuration } from '../../../lib/format';
import { formatSeconds } from '../../../lib/format-time';
import { CrawlerActions } from './CrawlerActions';
import { CrawlerHistory } from './CrawlerHistory';
import { CrawlerStateBadge, CrawlStatusBadge } from './CrawlerStateBadge';

/** One crawler: what it crawls, how its last crawl went, its metrics and its runs. */
export function CrawlerDetail({
  workspaceId,
  crawler: c,
  onStart,
  onStop,
  onClose,
}: {
  workspaceId: string;
  crawler: Crawler;
  onStart: (name: string) => void;
  onStop: (name: string) => void;
  onClose: () => void;
}) {
  return (
    <section className="panel" data-testid="crawler-detail" data-crawler={c.name}>
      <div className="panel-header">
        <h2 className="panel-title row tight">
          {c.name} <CrawlerStateBadge state={c.state} />
        </h2>
        <div className="panel-actions">
          <CrawlerActions crawler={c} onStart={onStart} onStop={onStop} />
          <button type="button" className="icon-button" aria-label="Close crawler" onClick={onClose}>
            <Icon name="close" size={14} />
          </button>
        </div>
      </div>
      <div className="panel-body crawler-cards">
        <CrawlerSetup crawler={c} />
        <LastCrawlCard crawler={c} />
        <MetricsCard crawler={c} />
      </div>
      <CrawlerHistory
        workspaceId={workspaceId}
        name={c.name}
        version={`${c.state}|${c.lastCrawl?.startedAt ?? ''}|${c.lastCrawl?.status ?? ''}`}
      />
    </section>
  );
}

function CrawlerSetup({ crawler: c }: { crawler: Crawler }) {
  return (
    <div className="info-card">
      <h3 className="card-title">Setup</h3>
      <Facts columns={1}>
        <Fact label="IAM role">
          <span className="mono">{c.role}</span>
        </Fact>
        <Fact label="Database">
          <span className="mono">{c.database}</span>
        </Fact>
        <Fact label="S3 targets">
          {c.targets.map((t) => (
            <div key={t.path} className="mono">
              {t.path}
              {t.exclusions.length > 0 && <span className="muted"> excluding {t.exclusions.join(', ')}</span>}
            </div>
          ))}
        </Fact>
        {c.tablePrefix && (
          <Fact label="Table prefix">
            <span className="mono">{c.tablePrefix}</span>
          </Fact>
        )}
        <Fact label="Schedule">
          {c.schedule ? (
            <>
              <span className="mono">{c.schedule.expression}</span> <Badge>{c.schedule.state}</Badge>
            </>
          ) : (
            'On demand'
          )}
        </Fact>
      </Facts>
    </div>
  );
}

function LastCrawlCard({ crawler: c }: { crawler: Crawler }) {
  const last = c.lastCrawl;
  const duration =
    c.state !== 'READY' && c.elapsedMs !== undefined
      ? `${formatDuration(c.elapsedMs)} so far`
      : c.metrics?.lastRuntimeSeconds
        ? formatSeconds(c.metrics.lastRuntimeSeconds)
        : '—';
  return (
    <div className="info-card" data-testid="last-crawl">
      <h3 className="card-title">Last crawl</h3>
      {!last ? (
        <p className="muted">This crawler has not run yet.</p>
      ) : (
        <Facts columns={1}>
          <Fact label="Status">
            <CrawlStatusBadge status={last.status} />
          </Fact>
          <Fact label="Started">{formatDateTime(last.startedAt)}</Fact>
          <Fact label="Duration">{duration}</Fact>
          {last.logGroup && (
            <Fact label="Log">
              <span className="row tight wrap">
                <span className="mono" data-testid="crawl-log">
                  {last.logGroup}
                  {last.logStream ? ` / ${last.logStream}` : ''}
                </span>
                <CopyButton text={`${last.logGroup}${last.logStream ? `/${last.logStream}` : ''}`} />
              </span>
            </Fact>
          )}
        </Facts>
      )}
      {last?.errorMessage && (
        <div className="inline-error" role="alert" data-testid="crawl-error">
          <Icon name="alert" size={14} />
          <span>{last.errorMessage}</span>
        </div>
      )}
    </div>
  );
}

function MetricsCard({ crawler: c }: { crawler: Crawler }) {
  const m = c.metrics;
  const timeLeft =
    c.state === 'READY' || !m ? '—' : m.stillEstimating ? 'Estimating…' : formatSeconds(m.timeLeftSeconds);
  const figures: Array<[string, string, string]> = [
    ['created', 'Tables created', m ? String(m.tablesCreated) : '—'],
    ['updated', 'Tables updated', m ? String(m.tablesUpdated) : '—'],
    ['deleted', 'Tables deleted', m ? String(m.tablesDeleted) : '—'],
    ['last', 'Last runtime', m?.lastRuntimeSeconds ? formatSeconds(m.lastRuntimeSeconds) : '—'],
    ['median', 'Median runtime', m?.medianRuntimeSeconds ? formatSeconds(m.medianRuntimeSeconds) : '—'],
    ['left', 'Time left', timeLeft],
  ];
  return (
    <div className="info-card" data-testid="crawler-metrics">
      <h3 className="card-title">Metrics</h3>
      <div className="metric-grid">
        {figures.map(([key, label, value]) => (
          <div key={key} className="metric" data-metric={key}>
            <div className="metric-value">{value}</div>
            <div className="metric-label">{label}</div>
          </div>
        ))}
      </div>
    </div>
  );
}
