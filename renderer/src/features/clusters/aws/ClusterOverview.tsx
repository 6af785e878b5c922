import type { ClusterDetail } from '@shared/emr.schema';
import { CopyButton } from '../../../components/CopyButton';
import { Fact, Facts } from '../../../components/Facts';
import { Badge } from '../../../components/Layout';
import { formatDateTime, formatNumber, formatUsd } from '../../../lib/format';
import { formatSpan } from '../../../lib/format-time';
import { InstanceTable } from './InstanceTable';

/** A cluster at a glance: its timeline, software, instances, and what it has cost so far. */
export function ClusterOverview({ cluster: c }: { cluster: ClusterDetail }) {
  return (
    <div className="cluster-overview">
      <Timeline cluster={c} />
      <div className="overview-grid">
        <div className="info-card">
          <h3 className="card-title">Software and settings</h3>
          <Facts columns={1}>
            <Fact label="Release">
              <span className="mono">{c.releaseLabel ?? '—'}</span>
            </Fact>
            <Fact label="Applications">
              <span className="chips" data-testid="cluster-applications">
                {c.applications.map((a) => (
                  <span key={a.name} className="column-chip">
                    {a.name}
                    {a.version && <span className="type-tag">{a.version}</span>}
                  </span>
                ))}
              </span>
            </Fact>
            <Fact label="Log URI">
              {c.logUri ? (
                <span className="row tight wrap">
                  <span className="mono">{c.logUri}</span>
                  <CopyButton text={c.logUri} />
                </span>
              ) : (
                '—'
              )}
            </Fact>
            <Fact label="Ends">{`${c.autoTerminate ? 'Terminates after its steps' : 'Keeps running when idle'}${c.terminationProtected ? ' · termination protected' : ''}`}</Fact>
            {Object.keys(c.tags).length > 0 && (
              <Fact label="Tags">
                <span className="chips">
                  {Object.entries(c.tags).map(([k, v]) => (
                    <Badge key={k}>
                      {k}={v}
                    </Badge>
                  ))}
                </span>
              </Fact>
            )}
          </Facts>
        </div>
        <div className="info-card" data-testid="cluster-cost">
          <h3 className="card-title">Usage and cost estimate</h3>
          <div className="metric-grid three">
            <div className="metric" data-metric="hours">
              <div className="metric-value">{formatNumber(c.normalizedInstanceHours)}</div>
              <div className="metric-label">Normalized instance hours</div>
            </div>
            <div className="metric" data-metric="hourly">
              <div className="metric-value">{formatUsd(c.cost.hourlyUsd)}</div>
              <div className="metric-label">Per hour while running</div>
            </div>
            <div className="metric" data-metric="to-date">
              <div className="metric-value">{formatUsd(c.cost.toDateUsd)}</div>
              <div className="metric-label">So far</div>
            </div>
          </div>
          <p className="small-print muted">{c.cost.basis}</p>
        </div>
      </div>
      <div className="info-card">
        <h3 className="card-title">
          {c.instanceCollectionType === 'INSTANCE_FLEET' ? 'Instance fleets' : 'Instance groups'}
        </h3>
        <InstanceTable cluster={c} />
      </div>
    </div>
  );
}

function Timeline({ cluster: c }: { cluster: ClusterDetail }) {
  const stops: Array<{ key: string; label: string; at: string | undefined; note?: string }> = [
    { key: 'created', label: 'Created', at: c.createdAt },
    {
      key: 'ready',
      label: 'Ready',
      at: c.readyAt,
      note: c.readyAt ? `after ${formatSpan(c.createdAt, c.readyAt)}` : undefined,
    },
    {
      key: 'ended',
      label: c.endedAt ? 'Ended' : 'Running',
      at: c.endedAt,
      note: c.endedAt
        ? `after ${formatSpan(c.createdAt, c.endedAt)}`
        : `for ${formatSpan(c.readyAt ?? c.createdAt, undefined)}`,
    },
  ];
  return (
    <ol className="timeline" data-testid="cluster-timeline">
      {stops.map((s) => (
        <li key={s.key} className={s.at || s.key === 'ended' ? 'reached' : undefined} data-stop={s.key}>
          <span className="timeline-dot" aria-hidden="true" />
          <span className="timeline-label">{s.label}</span>
          <span className="timeline-time">
            {s.at ? formatDateTime(s.at) : s.key === 'ended' ? 'now' : '—'}
          </span>
          {s.note && <span className="timeline-note">{s.note}</span>}
        </li>
      ))}
    </ol>
  );
}
