import { useRef, useState } from 'react';
import { useWorkspace } from '../../app/WorkspaceContext';
import type { LakeErrorShape } from '@shared/errors';
import type { PageProps } from '../../app/Shell';
import { routeHref } from '../../app/route';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { PageHeader } from '../../components/Layout';
import { toErrorShape } from '../../lib/lake-error';
import { useCall } from '../../lib/useCall';
import { Breadcrumbs } from './Breadcrumbs';
import { FilePanel } from './FilePanel';
import { FolderView } from './FolderView';
import { ImportDialog } from './ImportDialog';
import { dropProblem, readFiles, type ReadFile } from './read-files';
import { S3LakePage } from './aws/S3LakePage';

/** The Lake view: S3 buckets in an AWS workspace, the lake folder's files in a local one. */
export function LakePage(props: PageProps) {
  const { active } = useWorkspace();
  return active?.kind === 'aws' ? <S3LakePage key={active.id} {...props} /> : <LocalLakePage {...props} />;
}

/** The lake's files: browse folders, open a file, and drop files in to import them. */
function LocalLakePage({ route, navigate }: PageProps) {
  const prefix = route.params.get('prefix') ?? '';
  const file = route.params.get('file') ?? undefined;
  const listing = useCall('storage.list', { prefix });
  const [pending, setPending] = useState<ReadFile[]>();
  const [dropError, setDropError] = useState<LakeErrorShape>();
  const inputRef = useRef<HTMLInputElement>(null);

  const go = (next: { prefix?: string; file?: string }) =>
    navigate(routeHref('lake', '', { prefix: next.prefix ?? prefix, file: next.file }));

  const offer = async (files: File[]) => {
    const problem = dropProblem(files);
    if (problem) return setDropError({ code: 'BAD_INPUT', message: problem });
    setDropError(undefined);
    try {
      setPending(await readFiles(files));
    } catch (e) {
      setDropError(toErrorShape(e));
    }
  };

  return (
    <div className="page fill" data-testid="page-lake">
      <PageHeader
        title="Lake"
        subtitle="Files of the lake, folder by folder. Drag CSV files from your desktop onto a folder to import them."
        actions={
          <>
            <button type="button" className="button" onClick={listing.reload} title="Reload this folder">
              <Icon name="refresh" size={15} /> Refresh
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => inputRef.current?.click()}
              data-testid="import-button"
            >
              <Icon name="upload" size={15} /> Import files…
            </button>
            <input
              ref={inputRef}
              type="file"
              multiple
              accept=".csv,.parquet,text/csv"
              hidden
              data-testid="import-input"
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
      <div className={file ? 'lake-split with-file' : 'lake-split'}>
        <FolderView
          listing={listing}
          selectedPath={file}
          onOpenFolder={(p) => go({ prefix: p, file: undefined })}
          onSelectFile={(path) => go({ file: path })}
          onDropFiles={(files) => void offer(files)}
        />
        {file && <FilePanel key={file} path={file} onClose={() => go({ file: undefined })} />}
      </div>
      {pending && (
        <ImportDialog
          prefix={prefix}
          files={pending}
          onClose={(changed) => {
            setPending(undefined);
            if (changed) listing.reload();
          }}
        />
      )}
    </div>
  );
}
