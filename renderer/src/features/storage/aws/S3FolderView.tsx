import { useState, type DragEvent } from 'react';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Icon } from '../../../components/Icon';
import { Loading } from '../../../components/Layout';
import { formatBytes, formatDateTime } from '../../../lib/format';
import type { S3Listing } from './useS3Listing';

/** The buckets, or one prefix of a bucket: prefixes first, then objects, a page at a time. */
export function S3FolderView({
  listing,
  selectedPath,
  onOpenFolder,
  onSelectObject,
  onDropFiles,
}: {
  listing: S3Listing;
  selectedPath: string | undefined;
  onOpenFolder: (prefix: string) => void;
  onSelectObject: (path: string) => void;
  onDropFiles: (files: File[]) => void;
}) {
  const [isDragging, setDragging] = useState(false);
  const atRoot = listing.prefix === '';
  const entries = [...listing.entries].sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1,
  );

  const canDrop = (event: DragEvent) => !atRoot && event.dataTransfer.types.includes('Files');
  const onDragOver = (event: DragEvent) => {
    if (!canDrop(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!canDrop(event)) return;
    event.preventDefault();
    setDragging(false);
    onDropFiles([...event.dataTransfer.files]);
  };

  return (
    <div
      className={isDragging ? 'folder-view dragging' : 'folder-view'}
      onDragOver={onDragOver}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
      data-testid="folder-view"
    >
      {listing.error && <ErrorBanner error={listing.error} onRetry={listing.reload} />}
      {listing.isLoading && entries.length === 0 && !listing.error && <Loading />}
      {!listing.isLoading && !listing.error && entries.length === 0 && (
        <EmptyState icon={atRoot ? 'cloud' : 'upload'} title={atRoot ? 'No buckets' : 'Nothing here yet'}>
          {atRoot
            ? 'This role sees no S3 buckets in the account.'
            : 'Drag CSV files here from your desktop to upload them. They are checked against their dataset first.'}
        </EmptyState>
      )}
      {entries.length > 0 && (
        <table className="file-table" data-testid="file-table">
          <thead>
            <tr>
              <th>Name</th>
              <th className="num">Size</th>
              <th>{atRoot ? 'Created' : 'Modified'}</th>
              {!atRoot && <th>Class</th>}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr
                key={entry.path}
                className={entry.path === selectedPath ? 'selected' : undefined}
                data-testid={
                  entry.isBucket ? 'entry-bucket' : entry.kind === 'folder' ? 'entry-folder' : 'entry-file'
                }
                data-path={entry.path}
              >
                <td>
                  <button
                    type="button"
                    className="entry-name"
                    onClick={() =>
                      entry.kind === 'folder' ? onOpenFolder(entry.path) : onSelectObject(entry.path)
                    }
                    title={`s3://${entry.path}`}
                  >
                    <Icon
                      name={entry.isBucket ? 'cloud' : entry.kind === 'folder' ? 'folder' : 'file'}
                      size={16}
                      className={entry.kind}
                    />
                    {entry.name}
                  </button>
                </td>
                <td className="num">
                  {entry.kind === 'file' && entry.size !== undefined ? formatBytes(entry.size) : ''}
                </td>
                <td className="muted">{entry.modifiedAt ? formatDateTime(entry.modifiedAt) : ''}</td>
                {!atRoot && (
                  <td className="muted">{entry.kind === 'file' ? (entry.storageClass ?? '') : ''}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {listing.nextToken && (
        <div className="load-more">
          <button
            type="button"
            className="button small"
            onClick={listing.loadMore}
            disabled={listing.isLoadingMore}
            data-testid="load-more"
          >
            {listing.isLoadingMore ? 'Loading…' : `Load more (${entries.length} shown)`}
          </button>
        </div>
      )}
      <div className="drop-hint" aria-hidden={!isDragging}>
        <Icon name="upload" size={26} />
        Drop to upload into s3://{listing.prefix}
      </div>
    </div>
  );
}
