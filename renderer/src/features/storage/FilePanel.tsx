import { useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { RowSetGrid } from '../../components/grid/RowSetGrid';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Layout';
import { Tabs } from '../../components/Tabs';
import { useCall } from '../../lib/useCall';
import { ProfileTab } from './ProfileTab';
import { ValidateTab } from './ValidateTab';

type FileTab = 'preview' | 'profile' | 'validate';

const PREVIEW_ROWS = 200;

/** A selected file: its first rows, its profile, and validation against a dataset. */
export function FilePanel({ path, onClose }: { path: string; onClose: () => void }) {
  const [tab, setTab] = useState<FileTab>('preview');
  // Tabs load on first view and then stay mounted, so a validation survives a look at the profile.
  const [seen, setSeen] = useState<ReadonlySet<FileTab>>(() => new Set(['preview']));
  const show = (next: FileTab) => {
    setTab(next);
    setSeen((s) => new Set([...s, next]));
  };
  const name = path.split('/').pop() ?? path;

  return (
    <section className="file-panel panel" data-testid="file-panel" data-path={path}>
      <div className="file-panel-head">
        <Icon name="file" size={16} className="muted" />
        <h2 className="file-panel-title" title={path}>
          {name}
        </h2>
        <span className="mono muted file-panel-path">{path}</span>
        <button type="button" className="icon-button" aria-label="Close file" onClick={onClose}>
          <Icon name="close" size={15} />
        </button>
      </div>
      <Tabs<FileTab>
        label="File views"
        value={tab}
        onChange={show}
        items={[
          { key: 'preview', label: 'Preview' },
          { key: 'profile', label: 'Profile' },
          { key: 'validate', label: 'Validate' },
        ]}
      />
      <div className="file-panel-body">
        <div className="tab-panel" hidden={tab !== 'preview'}>
          <Preview path={path} />
        </div>
        {seen.has('profile') && (
          <div className="tab-panel scroll" hidden={tab !== 'profile'}>
            <ProfileTab path={path} />
          </div>
        )}
        {seen.has('validate') && (
          <div className="tab-panel scroll" hidden={tab !== 'validate'}>
            <ValidateTab path={path} />
          </div>
        )}
      </div>
    </section>
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
      </p>
      <RowSetGrid columns={preview.data.columns} rows={preview.data.rows} testId="preview-grid" />
    </div>
  );
}
