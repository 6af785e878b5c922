import { useState } from 'react';
import type { LakeErrorShape } from '@shared/errors';
import { CopyButton } from '../../../components/CopyButton';
import { Dialog } from '../../../components/Dialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Fact, Facts } from '../../../components/Facts';
import { RowSetGrid } from '../../../components/grid/RowSetGrid';
import { Icon } from '../../../components/Icon';
import { Loading } from '../../../components/Layout';
import { ProgressBar } from '../../../components/ProgressBar';
import { Tabs } from '../../../components/Tabs';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';
import { useCall } from '../../../lib/useCall';
import { useJobRunner } from '../../../lib/useJobRunner';
import { ProfileTab } from '../ProfileTab';

type ObjectTab = 'details' | 'preview' | 'profile';
const READABLE = /\.(csv|parquet)$/i;
const PREVIEW_ROWS = 200;

const ENCRYPTION: Record<string, string> = {
  none: 'None',
  AES256: 'SSE-S3 (AES-256)',
  'aws:kms': 'SSE-KMS',
  'aws:kms:dsse': 'DSSE-KMS',
  unknown: 'Unknown',
};

/** One S3 object: details, its first rows, its profile; download and delete. */
export function ObjectPanel({
  path,
  isDesktop,
  onClose,
  onDeleted,
}: {
  path: string;
  isDesktop: boolean;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const name = path.split('/').pop() ?? path;
  const isReadable = READABLE.test(name);
  const [tab, setTab] = useState<ObjectTab>(isReadable ? 'preview' : 'details');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const details = useCall('storage.details', { path });
  const uri = details.data?.uri ?? `s3://${path}`;

  return (
    <section className="file-panel panel" data-testid="object-panel" data-path={path}>
      <div className="file-panel-head">
        <Icon name="file" size={16} className="muted" />
        <h2 className="file-panel-title" title={path}>
          {name}
        </h2>
        <span className="mono muted file-panel-path">{uri}</span>
        <CopyButton text={uri} label="Copy URI" testId="object-copy-uri" />
        <button
          type="button"
          className="icon-button"
          aria-label={`Delete ${name}`}
          title="Delete"
          onClick={() => setConfirmDelete(true)}
          data-testid="object-delete"
        >
          <Icon name="trash" size={15} />
        </button>
        <button type="button" className="icon-button" aria-label="Close object" onClick={onClose}>
          <Icon name="close" size={15} />
        </button>
      </div>
      <Download path={path} name={name} uri={uri} isDesktop={isDesktop} size={details.data?.size} />
      <Tabs<ObjectTab>
        label="Object views"
        value={tab}
        onChange={setTab}
        items={[
          ...(isReadable ? [{ key: 'preview' as const, label: 'Preview' }] : []),
          { key: 'details', label: 'Details' },
          ...(isReadable ? [{ key: 'profile' as const, label: 'Profile' }] : []),
        ]}
      />
      <div className="file-panel-body">
        {tab === 'preview' && (
          <div className="tab-panel">
            <Preview path={path} />
          </div>
        )}
        {tab === 'details' && (
          <div className="tab-panel scroll">
            {details.error && <ErrorBanner error={details.error} onRetry={details.reload} />}
            {!details.data && !details.error && <Loading />}
            {details.data && <Details d={details.data} />}
          </div>
        )}
        {tab === 'profile' && (
          <div className="tab-panel scroll">
            <ProfileTab path={path} />
          </div>
        )}
      </div>
      {confirmDelete && (
        <DeleteDialog
          path={path}
          uri={uri}
          onClose={(deleted) => {
            setConfirmDelete(false);
            if (deleted) onDeleted();
          }}
        />
      )}
    </section>
  );
}

function Details({ d }: { d: NonNullable<ReturnType<typeof useCall<'storage.details'>>['data']> }) {
  const meta = Object.entries(d.metadata);
  return (
    <div className="object-details" data-testid="object-details">
      <Facts columns={1}>
        <Fact label="Size">
          <span data-testid="object-size">
            {formatBytes(d.size)} <span className="muted">({d.size.toLocaleString('en-US')} bytes)</span>
          </span>
        </Fact>
        <Fact label="Modified">{formatDateTime(d.modifiedAt)}</Fact>
        <Fact label="Storage class">{d.storageClass ?? 'STANDARD'}</Fact>
        <Fact label="Encryption">
          <span data-testid="object-encryption">
            {d.encryption ? (ENCRYPTION[d.encryption.type] ?? d.encryption.type) : '—'}
          </span>
        </Fact>
        {d.encryption?.kmsKeyId && (
          <Fact label="KMS key">
            <span className="mono">{d.encryption.kmsKeyId}</span>
          </Fact>
        )}
        <Fact label="Content type">{d.contentType ?? '—'}</Fact>
        <Fact label="ETag">
          <span className="mono">{d.etag ?? '—'}</span>
        </Fact>
        {d.lakedesk?.dataset && <Fact label="Dataset">{d.lakedesk.dataset}</Fact>}
        {d.lakedesk?.uploadedBy && (
          <Fact label="Uploaded by">
            <span className="mono object-hash">{d.lakedesk.uploadedBy}</span>
          </Fact>
        )}
        {d.lakedesk?.sha256 && (
          <Fact label="SHA-256">
            <span className="mono object-hash">{d.lakedesk.sha256}</span>
          </Fact>
        )}
      </Facts>
      <h3 className="object-meta-title">Metadata</h3>
      {meta.length === 0 ? (
        <p className="muted">No user metadata.</p>
      ) : (
        <table className="data-table" data-testid="object-metadata">
          <tbody>
            {meta.map(([key, value]) => (
              <tr key={key}>
                <td className="mono">{key}</td>
                <td className="mono value-cell">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Preview({ path }: { path: string }) {
  const preview = useCall('storage.preview', { path, limit: PREVIEW_ROWS });
  if (preview.error) return <ErrorBanner error={preview.error} onRetry={preview.reload} />;
  if (!preview.data) return <Loading label="Reading the first rows…" />;
  return (
    <div className="preview">
      <p className="muted preview-note">
        First {Math.min(preview.data.rows.length, PREVIEW_ROWS)} rows · {preview.data.columns.length} columns
        {preview.data.partial ? ' · read from the start of the object only' : ''}
      </p>
      <RowSetGrid columns={preview.data.columns} rows={preview.data.rows} testId="preview-grid" />
    </div>
  );
}

/** Desktop: save dialog, then a download job with progress. Browser mode has no route for it. */
function Download({
  path,
  name,
  uri,
  isDesktop,
  size,
}: {
  path: string;
  name: string;
  uri: string;
  isDesktop: boolean;
  size: number | undefined;
}) {
  const lake = useLake();
  const job = useJobRunner('storage.download');
  const [error, setError] = useState<LakeErrorShape>();
  if (!isDesktop)
    return (
      <p className="muted object-download-note" data-testid="object-download-note">
        Downloads need the desktop app. From a terminal: <code>aws s3 cp {uri} .</code>
      </p>
    );
  const start = async () => {
    setError(undefined);
    try {
      const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? 'bin';
      const chosen = await lake.call('app.chooseSavePath', {
        title: `Download ${name}`,
        extensions: [ext],
        defaultName: name,
      });
      // The save dialog already asked about replacing an existing file.
      if (chosen.path) await job.run({ path, to: chosen.path, overwrite: true });
    } catch (e) {
      setError(toErrorShape(e));
    }
  };
  return (
    <div className="object-download" data-testid="object-download">
      {job.state === 'running' ? (
        <>
          <ProgressBar
            progress={job.progress ?? (size ? { done: 0, total: size, unit: 'bytes' } : undefined)}
            label="Download"
          />
          <button type="button" className="button small" onClick={job.cancel}>
            Cancel
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button small"
          onClick={() => void start()}
          data-testid="object-download-button"
        >
          <Icon name="download" size={14} /> Download…
        </button>
      )}
      {job.state === 'succeeded' && job.result && (
        <span className="muted">
          Saved to <span className="mono">{job.result.to}</span>
          {job.result.verified ? ' · SHA-256 matches the upload' : ''}
        </span>
      )}
      {(error ?? job.error) && <ErrorBanner error={(error ?? job.error)!} compact />}
    </div>
  );
}

/** Asks before deleting, naming the object. */
export function DeleteDialog({
  path,
  uri,
  onClose,
}: {
  path: string;
  uri: string;
  onClose: (deleted: boolean) => void;
}) {
  const lake = useLake();
  const [error, setError] = useState<LakeErrorShape>();
  const [isDeleting, setDeleting] = useState(false);
  const remove = async () => {
    setDeleting(true);
    setError(undefined);
    try {
      await lake.call('storage.delete', { path, recursive: false });
      onClose(true);
    } catch (e) {
      setError(toErrorShape(e));
      setDeleting(false);
    }
  };
  return (
    <Dialog
      title="Delete this object?"
      onClose={() => onClose(false)}
      testId="delete-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => onClose(false)}>
            Keep it
          </button>
          <button
            type="button"
            className="button danger"
            disabled={isDeleting}
            onClick={() => void remove()}
            data-testid="delete-confirm"
          >
            Delete {path.split('/').pop()}
          </button>
        </>
      }
    >
      {error && <ErrorBanner error={error} />}
      <p>
        <span className="mono strong">{uri}</span> will be deleted from S3. Unless the bucket keeps versions,
        it cannot be brought back.
      </p>
    </Dialog>
  );
}

/** Creates an empty `name/` marker under the prefix, as the S3 console does. */
export function NewFolderDialog({
  prefix,
  onClose,
}: {
  prefix: string;
  onClose: (created?: string) => void;
}) {
  const lake = useLake();
  const [name, setName] = useState('');
  const [error, setError] = useState<LakeErrorShape>();
  const clean = name.trim().replace(/^\/+|\/+$/g, '');
  const problem = !clean
    ? 'Name the folder.'
    : clean.split('/').includes('..')
      ? 'A folder name cannot contain “..”.'
      : undefined;
  const create = async () => {
    if (problem) return;
    setError(undefined);
    try {
      const made = await lake.call('storage.createFolder', { path: `${prefix}${clean}/` });
      onClose(made.path);
    } catch (e) {
      setError(toErrorShape(e));
    }
  };
  return (
    <Dialog
      title={`New folder in s3://${prefix}`}
      onClose={() => onClose()}
      testId="new-folder-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => onClose()}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!!problem}
            onClick={() => void create()}
            data-testid="new-folder-create"
          >
            Create folder
          </button>
        </>
      }
    >
      {error && <ErrorBanner error={error} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label className="upload-template">
          <span>Name</span>
          <input
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="year=2025"
            data-testid="new-folder-name"
          />
        </label>
      </form>
    </Dialog>
  );
}
