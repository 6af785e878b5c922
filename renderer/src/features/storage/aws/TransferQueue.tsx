import { useState } from 'react';
import type { LakeErrorShape } from '@shared/errors';
import type { TransferOptions } from '@shared/transfers.schema';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Icon } from '../../../components/Icon';
import { Loading } from '../../../components/Layout';
import { ProgressBar } from '../../../components/ProgressBar';
import { Tabs } from '../../../components/Tabs';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';
import { useCall } from '../../../lib/useCall';
import { FINAL_STATES, formatEta } from './transfer-sources';
import { TransferRow } from './TransferRow';
import type { TransfersState } from './useTransfers';

type QueueTab = 'queue' | 'unfinished';

/** The transfer queue as a drawer of the Lake view: every file, the totals, settings, unfinished uploads. */
export function TransferQueue({
  transfers,
  bucket,
  canRecheck,
  onClose,
}: {
  transfers: TransfersState;
  /** The bucket open in the Lake view: its unfinished uploads are listed. */
  bucket: string | undefined;
  canRecheck: boolean;
  onClose: () => void;
}) {
  const [tab, setTab] = useState<QueueTab>('queue');
  const [showSettings, setShowSettings] = useState(false);
  const { snapshot, act } = transfers;
  const totals = snapshot?.totals;
  // What still needs attention or is moving comes first; finished files after, newest first.
  const all = snapshot?.transfers ?? [];
  const list = [
    ...all.filter((t) => !FINAL_STATES.has(t.state)),
    ...all.filter((t) => FINAL_STATES.has(t.state)).reverse(),
  ];
  const count = (state: string) => totals?.byState[state] ?? 0;
  const finished = count('done') + count('skipped') + count('failed') + count('cancelled');
  const eta = formatEta(totals?.etaSeconds);

  return (
    <aside className="transfers-drawer panel" data-testid="transfers-drawer" aria-label="Transfers">
      <div className="transfers-drawer-head">
        <Icon name="upload" size={16} className="muted" />
        <h2>Transfers</h2>
        <span className="spacer" />
        <button
          type="button"
          className={showSettings ? 'icon-button active' : 'icon-button'}
          aria-label="Transfer settings"
          title="Part size and concurrency"
          onClick={() => setShowSettings((s) => !s)}
          data-testid="transfers-settings-toggle"
        >
          <Icon name="grid" size={15} />
        </button>
        <button type="button" className="icon-button" aria-label="Close transfers" onClick={onClose}>
          <Icon name="close" size={15} />
        </button>
      </div>
      {transfers.error && <ErrorBanner error={transfers.error} compact onDismiss={transfers.dismissError} />}
      {showSettings && snapshot && (
        <TransferSettings key={JSON.stringify(snapshot.options)} options={snapshot.options} />
      )}
      <Tabs<QueueTab>
        label="Transfer views"
        value={tab}
        onChange={setTab}
        items={[
          { key: 'queue', label: `Queue${list.length ? ` (${list.length})` : ''}` },
          { key: 'unfinished', label: 'Unfinished uploads' },
        ]}
      />
      {tab === 'queue' && (
        <div className="transfers-drawer-body">
          {!snapshot && <Loading />}
          {totals && totals.files > 0 && (
            <div className="transfers-totals" data-testid="transfers-totals" data-active={totals.isActive}>
              <ProgressBar
                label="All transfers"
                progress={{
                  done: totals.bytesDone,
                  total: Math.max(totals.bytesTotal, 1),
                  message: [
                    `${formatBytes(totals.bytesDone)} of ${formatBytes(totals.bytesTotal)}`,
                    `${count('done')} of ${totals.files} uploaded`,
                    totals.isActive && totals.bytesPerSecond > 0
                      ? `${formatBytes(totals.bytesPerSecond)}/s`
                      : '',
                    totals.isActive ? eta : '',
                    count('held') ? `${count('held')} held` : '',
                    count('failed') ? `${count('failed')} failed` : '',
                  ]
                    .filter(Boolean)
                    .join(' · '),
                }}
              />
              <div className="transfers-bulk">
                <button
                  type="button"
                  className="button small"
                  onClick={() => void act('transfers.pause', {})}
                >
                  Pause all
                </button>
                <button
                  type="button"
                  className="button small"
                  onClick={() => void act('transfers.resume', {})}
                >
                  Resume all
                </button>
                <button
                  type="button"
                  className="button small"
                  onClick={() => void act('transfers.cancel', {})}
                >
                  Cancel all
                </button>
                <span className="spacer" />
                <button
                  type="button"
                  className="button small"
                  disabled={finished === 0}
                  onClick={() => void act('transfers.clearFinished', {})}
                  data-testid="transfers-clear"
                >
                  Clear finished
                </button>
              </div>
            </div>
          )}
          {snapshot && list.length === 0 && (
            <EmptyState icon="upload" title="Nothing to transfer">
              Drag CSV files onto a bucket or prefix to upload them. They are checked before any byte is sent.
            </EmptyState>
          )}
          <ul className="transfer-list" data-testid="transfer-list">
            {list.map((item) => (
              <TransferRow key={item.id} item={item} act={act} canRecheck={canRecheck} />
            ))}
          </ul>
        </div>
      )}
      {tab === 'unfinished' && (
        <div className="transfers-drawer-body">
          {bucket ? (
            <UnfinishedUploads bucket={bucket} transfers={transfers} />
          ) : (
            <EmptyState icon="folder" title="Open a bucket">
              Unfinished multipart uploads are listed per bucket: open one in the Lake view.
            </EmptyState>
          )}
        </div>
      )}
    </aside>
  );
}

function TransferSettings({ options }: { options: TransferOptions }) {
  const lake = useLake();
  const [draft, setDraft] = useState(options);
  const [error, setError] = useState<LakeErrorShape>();
  const [saved, setSaved] = useState(false);
  const changed = JSON.stringify(draft) !== JSON.stringify(options);
  const save = async () => {
    setError(undefined);
    try {
      setDraft(await lake.call('transfers.setOptions', draft));
      setSaved(true);
    } catch (e) {
      setError(toErrorShape(e));
    }
  };
  const field = (key: keyof TransferOptions, label: string, min: number, max: number, hint: string) => (
    <label className="transfer-setting">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        value={draft[key]}
        onChange={(e) => {
          setSaved(false);
          setDraft((d) => ({ ...d, [key]: Math.max(min, Math.min(max, Number(e.target.value) || min)) }));
        }}
        data-testid={`transfer-option-${key}`}
      />
      <span className="muted">{hint}</span>
    </label>
  );
  return (
    <div className="transfer-settings" data-testid="transfer-settings">
      {error && <ErrorBanner error={error} compact />}
      {field('partSizeMb', 'Part size (MiB)', 5, 5120, '5 MiB – 5 GiB')}
      {field('concurrency', 'Parts at once', 1, 32, 'across all files')}
      {field('maxActiveFiles', 'Files at once', 1, 16, '')}
      <div className="transfer-settings-actions">
        {saved && !changed && <span className="muted">Saved for the next uploads.</span>}
        <button
          type="button"
          className="button small primary"
          disabled={!changed}
          onClick={() => void save()}
        >
          Save
        </button>
      </div>
    </div>
  );
}

function UnfinishedUploads({ bucket, transfers }: { bucket: string; transfers: TransfersState }) {
  const lake = useLake();
  const listing = useCall('transfers.listIncomplete', { bucket, prefix: '' });
  const [error, setError] = useState<LakeErrorShape>();
  const run = async (fn: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await fn();
      transfers.refresh();
    } catch (e) {
      setError(toErrorShape(e));
    }
    listing.reload();
  };
  const uploads = listing.data?.uploads ?? [];
  return (
    <div data-testid="unfinished-uploads">
      <p className="muted">
        Multipart uploads started under <span className="mono">s3://{bucket}/</span> and never completed. They
        cost storage until they are completed or aborted.
      </p>
      {(error ?? listing.error) && (
        <ErrorBanner error={(error ?? listing.error)!} compact onRetry={listing.reload} />
      )}
      {listing.isLoading && !listing.data && <Loading />}
      {listing.data && uploads.length === 0 && (
        <p className="muted">None: nothing is left half-written in this bucket.</p>
      )}
      <ul className="transfer-list">
        {uploads.map((u) => (
          <li key={u.uploadId} className="transfer-row" data-testid="unfinished-upload">
            <div className="transfer-row-head">
              <span className="mono strong transfer-name">{u.key}</span>
              <span className="spacer" />
              {u.isResumable && (
                <button
                  type="button"
                  className="button small"
                  onClick={() =>
                    void run(() => lake.call('transfers.resumeIncomplete', { uploadId: u.uploadId }))
                  }
                >
                  Resume
                </button>
              )}
              <button
                type="button"
                className="button small subtle"
                onClick={() =>
                  void run(() =>
                    lake.call('transfers.abortIncomplete', {
                      bucket: u.bucket,
                      key: u.key,
                      uploadId: u.uploadId,
                    }),
                  )
                }
              >
                Abort
              </button>
            </div>
            <div className="muted transfer-note">
              Started {formatDateTime(u.initiatedAt)}
              {u.partsDone !== undefined && ` · ${u.partsDone} parts`}
              {u.bytesDone !== undefined && ` · ${formatBytes(u.bytesDone)} sent`}
              {u.isResumable
                ? u.source
                  ? ` · from ${u.source}`
                  : ''
                : ' · not started by this Lakedesk: abort only'}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
