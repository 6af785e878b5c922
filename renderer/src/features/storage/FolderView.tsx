import { useState, type DragEvent } from 'react';
import type { StorageEntry } from '@shared/storage.schema';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Layout';
import { formatBytes, formatDateTime } from '../../lib/format';
import type { CallState } from '../../lib/useCall';

const READABLE = /\.(csv|parquet)$/i;

/** One folder of the lake: folders first, then files; files dropped here are offered for import. */
export function FolderView({
  listing,
  selectedPath,
  onOpenFolder,
  onSelectFile,
  onDropFiles,
}: {
  listing: CallState<{ prefix: string; entries: StorageEntry[] }>;
  selectedPath: string | undefined;
  onOpenFolder: (prefix: string) => void;
  onSelectFile: (path: string) => void;
  onDropFiles: (files: File[]) => void;
}) {
  const [isDragging, setDragging] = useState(false);
  const entries = [...(listing.data?.entries ?? [])].sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1,
  );

  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
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
      {listing.isLoading && !listing.data && <Loading />}
      {listing.data && entries.length === 0 && (
        <EmptyState icon="upload" title="This folder is empty">
          Drag CSV files here from your desktop to import them. They are checked against their dataset first.
        </EmptyState>
      )}
      {entries.length > 0 && (
        <table className="file-table" data-testid="file-table">
          <thead>
            <tr>
              <th>Name</th>
              <th className="num">Size</th>
              <th>Modified</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr
                key={entry.path}
                className={entry.path === selectedPath ? 'selected' : undefined}
                data-testid={entry.kind === 'folder' ? 'entry-folder' : 'entry-file'}
                data-path={entry.path}
              >
                <td>
                  <button
                    type="button"
                    className="entry-name"
                    onClick={() =>
                      entry.kind === 'folder' ? onOpenFolder(entry.path) : onSelectFile(entry.path)
                    }
                    disabled={entry.kind === 'file' && !READABLE.test(entry.name)}
                    title={
                      entry.kind === 'file' && !READABLE.test(entry.name)
                        ? 'Only CSV and Parquet files can be previewed'
                        : entry.path
                    }
                  >
                    <Icon
                      name={entry.kind === 'folder' ? 'folder' : 'file'}
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="drop-hint" aria-hidden={!isDragging}>
        <Icon name="upload" size={26} />
        Drop to import into {listing.data?.prefix || 'the lake root'}
      </div>
    </div>
  );
}
