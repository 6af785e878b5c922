import type { Input } from '@shared/contract';
import type { TransferItem } from '@shared/transfers.schema';
import { routeHref } from '../../../app/route';
import { Badge } from '../../../components/Layout';
import { ProgressBar } from '../../../components/ProgressBar';
import { formatBytes, formatCount } from '../../../lib/format';
import { FindingsTable } from '../FindingsTable';
import { crawlerPrefixUri, formatEta } from './transfer-sources';
import type { QueueMethod, TransfersState } from './useTransfers';

type Tone = 'neutral' | 'accent' | 'ok' | 'warn' | 'danger';

export const STATE_LABEL: Record<TransferItem['state'], { label: string; tone: Tone }> = {
  checking: { label: 'Checking', tone: 'accent' },
  held: { label: 'Held: has findings', tone: 'danger' },
  conflict: { label: 'Already in S3', tone: 'warn' },
  queued: { label: 'Queued', tone: 'neutral' },
  uploading: { label: 'Uploading', tone: 'accent' },
  retrying: { label: 'Retrying', tone: 'warn' },
  paused: { label: 'Paused', tone: 'neutral' },
  verifying: { label: 'Verifying', tone: 'accent' },
  done: { label: 'Uploaded', tone: 'ok' },
  skipped: { label: 'Skipped', tone: 'neutral' },
  failed: { label: 'Failed', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

const CAN_PAUSE = new Set<TransferItem['state']>(['queued', 'uploading', 'retrying', 'checking']);
const CAN_RESUME = new Set<TransferItem['state']>(['paused', 'failed']);
const CAN_CANCEL = new Set<TransferItem['state']>([
  'checking',
  'held',
  'conflict',
  'queued',
  'uploading',
  'retrying',
  'paused',
]);

/** One file of the queue: state, progress, speed and ETA, and what can be done with it now. */
export function TransferRow({
  item,
  act,
  canRecheck,
  showFindings = true,
  showCrawlerLink = true,
}: {
  item: TransferItem;
  act: TransfersState['act'];
  /** The source is a local path, so a fixed file can be checked again. */
  canRecheck: boolean;
  showFindings?: boolean;
  /** The upload dialog sums the crawler links up once for the whole drop. */
  showCrawlerLink?: boolean;
}) {
  const state = STATE_LABEL[item.state];
  const ids = { ids: [item.id] };
  const run = <M extends QueueMethod>(method: M, input: Input<M>) => void act(method, input);
  const isChecking = item.state === 'checking';
  const progress = isChecking
    ? {
        done: item.checkedBytes,
        total: item.size,
        message: `Checking · ${formatBytes(item.checkedBytes)} of ${formatBytes(item.size)}`,
      }
    : {
        done: item.state === 'done' ? Math.max(item.size, 1) : item.bytesDone,
        total: Math.max(item.size, 1),
        message: progressText(item),
      };
  const showBar = !['held', 'conflict', 'skipped', 'cancelled'].includes(item.state);

  return (
    <li className="transfer-row" data-testid="transfer-item" data-state={item.state} data-name={item.name}>
      <div className="transfer-row-head">
        <span className="mono strong transfer-name" title={item.source}>
          {item.name}
        </span>
        <Badge tone={state.tone}>
          <span data-testid="transfer-state">{state.label}</span>
        </Badge>
        {item.quarantined && <Badge tone="warn">Quarantine</Badge>}
        {item.dataset && <span className="muted">dataset {item.dataset}</span>}
        <span className="spacer" />
        <span className="transfer-actions">
          {item.state === 'held' && (
            <>
              {canRecheck && (
                <button
                  type="button"
                  className="button small"
                  onClick={() => run('transfers.resolve', { ids: [item.id], action: 'recheck' })}
                >
                  Recheck after fixing
                </button>
              )}
              <button
                type="button"
                className="button small"
                onClick={() => run('transfers.resolve', { ids: [item.id], action: 'quarantine' })}
                data-testid="transfer-quarantine"
              >
                Upload to quarantine
              </button>
              <button
                type="button"
                className="button small"
                onClick={() => run('transfers.resolve', { ids: [item.id], action: 'skip' })}
                data-testid="transfer-skip"
              >
                Skip
              </button>
            </>
          )}
          {item.state === 'conflict' && (
            <>
              <button
                type="button"
                className="button small"
                onClick={() => run('transfers.resolve', { ids: [item.id], action: 'overwrite' })}
              >
                Overwrite
              </button>
              <button
                type="button"
                className="button small"
                onClick={() => run('transfers.resolve', { ids: [item.id], action: 'keepBoth' })}
              >
                Keep both
              </button>
              <button
                type="button"
                className="button small"
                onClick={() => run('transfers.resolve', { ids: [item.id], action: 'skip' })}
              >
                Skip
              </button>
            </>
          )}
          {CAN_PAUSE.has(item.state) && (
            <button
              type="button"
              className="button small subtle"
              onClick={() => run('transfers.pause', ids)}
              data-testid="transfer-pause"
            >
              Pause
            </button>
          )}
          {CAN_RESUME.has(item.state) && (
            <button
              type="button"
              className="button small subtle"
              onClick={() => run('transfers.resume', ids)}
              data-testid="transfer-resume"
            >
              {item.state === 'failed' ? 'Retry' : 'Resume'}
            </button>
          )}
          {CAN_CANCEL.has(item.state) && (
            <button
              type="button"
              className="button small subtle"
              onClick={() => run('transfers.cancel', ids)}
              data-testid="transfer-cancel"
            >
              Cancel
            </button>
          )}
        </span>
      </div>
      <div className="mono muted transfer-dest" title={item.uri}>
        → {item.uri}
      </div>
      {showBar && <ProgressBar progress={progress} label={`Upload of ${item.name}`} />}
      {/* The findings below say what a note about them would. */}
      {item.note && item.findingCount === 0 && <div className="muted transfer-note">{item.note}</div>}
      {item.state === 'conflict' && item.conflict && (
        <div className="transfer-note">
          An object of {formatBytes(item.conflict.size)} is already at this key
          {item.conflict.sameContent ? ', with the same content.' : ', with different content.'}
        </div>
      )}
      {item.error && (
        <div className="transfer-error" role="alert" data-testid="transfer-error">
          {item.error.message}
          {item.error.hint && <span className="muted"> {item.error.hint}</span>}
        </div>
      )}
      {item.state === 'done' && showCrawlerLink && !item.quarantined && (
        <div className="transfer-note">
          <a
            href={routeHref('catalog', 'crawlers', { prefix: crawlerPrefixUri(item) })}
            data-testid="transfer-crawlers"
          >
            {item.crawlers && item.crawlers.length > 0
              ? `Run crawler ${item.crawlers.map((c) => c.name).join(', ')} for this prefix`
              : 'Find crawlers for this prefix'}
          </a>
        </div>
      )}
      {showFindings && item.findingCount > 0 && (
        <details className="import-findings" open={item.state === 'held'}>
          <summary>
            {formatCount(item.findingCount)} finding{item.findingCount === 1 ? '' : 's'}
            {item.rows !== undefined && (
              <span className="muted">
                {' '}
                in {formatCount(item.rows)} row{item.rows === 1 ? '' : 's'}
              </span>
            )}
          </summary>
          <FindingsTable findings={item.findings} total={item.findingCount} testId="transfer-findings" />
        </details>
      )}
    </li>
  );
}

function progressText(item: TransferItem): string {
  if (item.state === 'done')
    return `${formatBytes(item.size)} uploaded${item.sha256 ? ' · SHA-256 checked' : ''}`;
  const parts = [`${formatBytes(item.bytesDone)} of ${formatBytes(item.size)}`];
  if (item.state === 'uploading' && item.bytesPerSecond > 0)
    parts.push(`${formatBytes(item.bytesPerSecond)}/s`);
  const eta = item.state === 'uploading' ? formatEta(item.etaSeconds) : '';
  if (eta) parts.push(eta);
  if (item.parts && item.parts.total > 1) parts.push(`part ${item.parts.done} of ${item.parts.total}`);
  if (item.state === 'retrying')
    parts.push(`retrying${item.retryAt ? ' shortly' : ''} (attempt ${item.attempts})`);
  if (item.state === 'queued') parts.push('waiting');
  if (item.state === 'paused') parts.push('paused');
  return parts.join(' · ');
}
