import { useEffect, useRef, useState } from 'react';
import type { LakeErrorShape } from '@shared/errors';
import type { PageProps } from '../../../app/Shell';
import { routeHref } from '../../../app/route';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Icon } from '../../../components/Icon';
import { PageHeader } from '../../../components/Layout';
import { toErrorShape } from '../../../lib/lake-error';
import { useCall } from '../../../lib/useCall';
import { Breadcrumbs } from '../Breadcrumbs';
import { NewFolderDialog, ObjectPanel } from './ObjectPanel';
import { S3FolderView } from './S3FolderView';
import { toSources, type DroppedSources } from './transfer-sources';
import { TransferQueue } from './TransferQueue';
import { UploadDialog } from './UploadDialog';
import { useS3Listing } from './useS3Listing';
import { useTransfers } from './useTransfers';
import './s3-lake.css';

/** The Lake view of an AWS workspace: buckets and prefixes, objects, uploads and the transfer queue. */
export function S3LakePage({ route, navigate }: PageProps) {
  const prefix = route.params.get('prefix') ?? '';
  const file = route.params.get('file') ?? undefined;
  const listing = useS3Listing(prefix);
  const info = useCall('app.info', {});
  const isDesktop = info.data?.frontDoor === 'electron';
  const transfers = useTransfers();
  const [drop, setDrop] = useState<DroppedSources>();
  const [dropError, setDropError] = useState<LakeErrorShape>();
  const [showQueue, setShowQueue] = useState(false);
  const [newFolder, setNewFolder] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const bucket = prefix.split('/')[0] || undefined;

  const go = (next: { prefix?: string; file?: string }) =>
    navigate(routeHref('lake', '', { prefix: next.prefix ?? prefix, file: next.file }));

  const offer = async (files: File[]) => {
    if (!bucket)
      return setDropError({ code: 'BAD_INPUT', message: 'Open a bucket first: files go into a bucket.' });
    if (files.length === 0)
      return setDropError({ code: 'BAD_INPUT', message: 'Only files can be dropped here.' });
    setDropError(undefined);
    try {
      setDrop(await toSources(files));
    } catch (e) {
      setDropError(toErrorShape(e));
    }
  };

  // The listing shows new objects as uploads finish.
  const doneCount = transfers.snapshot?.totals.byState.done ?? 0;
  const reloadListing = listing.reload;
  useEffect(() => {
    if (doneCount > 0) reloadListing();
  }, [doneCount, reloadListing]);

  const totals = transfers.snapshot?.totals;
  const pendingCount = totals
    ? Object.entries(totals.byState)
        .filter(([state]) => !['done', 'skipped', 'failed', 'cancelled'].includes(state))
        .reduce((sum, [, n]) => sum + n, 0)
    : 0;
  const heldCount = (totals?.byState.held ?? 0) + (totals?.byState.conflict ?? 0);

  return (
    <div className="page fill" data-testid="page-lake" data-kind="aws">
      <PageHeader
        title="Lake"
        subtitle="S3 buckets of this account, prefix by prefix. Drag CSV files onto a prefix to upload them."
        actions={
          <>
            <button type="button" className="button" onClick={listing.reload} title="Reload this prefix">
              <Icon name="refresh" size={15} /> Refresh
            </button>
            <button
              type="button"
              className="button"
              disabled={!bucket}
              onClick={() => setNewFolder(true)}
              data-testid="new-folder-button"
            >
              <Icon name="plus" size={15} /> New folder
            </button>
            <button
              type="button"
              className={showQueue ? 'button active' : 'button'}
              onClick={() => setShowQueue((s) => !s)}
              aria-expanded={showQueue}
              data-testid="transfers-button"
            >
              <Icon name="jobs" size={15} /> Transfers
              {pendingCount > 0 && (
                <span
                  className={heldCount > 0 ? 'count-badge warn' : 'count-badge'}
                  data-testid="transfers-badge"
                >
                  {pendingCount}
                </span>
              )}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={!bucket}
              title={bucket ? undefined : 'Open a bucket to upload into it'}
              onClick={() => inputRef.current?.click()}
              data-testid="upload-button"
            >
              <Icon name="upload" size={15} /> Upload files…
            </button>
            <input
              ref={inputRef}
              type="file"
              multiple
              hidden
              data-testid="upload-input"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                if (files.length > 0) void offer(files);
              }}
            />
          </>
        }
      />
      <Breadcrumbs prefix={prefix} onOpen={(p) => go({ prefix: p, file: undefined })} />
      {dropError && <ErrorBanner error={dropError} compact onDismiss={() => setDropError(undefined)} />}
      <div className={showQueue ? 's3-lake-body with-queue' : 's3-lake-body'}>
        <div className={file ? 'lake-split with-file' : 'lake-split'}>
          <S3FolderView
            listing={listing}
            selectedPath={file}
            onOpenFolder={(p) => go({ prefix: p, file: undefined })}
            onSelectObject={(path) => go({ file: path })}
            onDropFiles={(files) => void offer(files)}
          />
          {file && (
            <ObjectPanel
              key={file}
              path={file}
              isDesktop={isDesktop}
              onClose={() => go({ file: undefined })}
              onDeleted={() => {
                go({ file: undefined });
                listing.reload();
              }}
            />
          )}
        </div>
        {showQueue && (
          <TransferQueue
            transfers={transfers}
            bucket={bucket}
            canRecheck={isDesktop}
            onClose={() => setShowQueue(false)}
          />
        )}
      </div>
      {drop && (
        <UploadDialog
          prefix={prefix}
          sources={drop.sources}
          byPath={drop.byPath}
          transfers={transfers}
          onClose={(uploaded) => {
            setDrop(undefined);
            if (uploaded) listing.reload();
          }}
        />
      )}
      {newFolder && (
        <NewFolderDialog
          prefix={prefix}
          onClose={(created) => {
            setNewFolder(false);
            if (created) go({ prefix: created.endsWith('/') ? created : `${created}/`, file: undefined });
          }}
        />
      )}
    </div>
  );
}
