import type { ImportedFile } from '@shared/storage.schema';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Badge } from '../../components/Layout';
import { ProgressBar } from '../../components/ProgressBar';
import { formatBytes, formatCount } from '../../lib/format';
import { FindingsTable } from './FindingsTable';
import type { ReadFile } from './read-files';
import { useImport, type HeldChoice } from './useImport';

const STATUS_TONE = { imported: 'ok', quarantined: 'warn', held: 'danger', skipped: 'neutral' } as const;
const STATUS_LABEL = {
  imported: 'Imported',
  quarantined: 'Quarantined',
  held: 'Held: has findings',
  skipped: 'Skipped',
};

/** The import preflight: what will be imported where, files with findings held for a decision, the outcome. */
export function ImportDialog({
  prefix,
  files,
  onClose,
}: {
  prefix: string;
  files: ReadFile[];
  onClose: (changed: boolean) => void;
}) {
  const flow = useImport(prefix, files);
  const target = prefix || 'the lake root';
  const close = () => onClose(flow.outcomes.length > 0);
  const heldCount = flow.outcomes.filter((f) => f.status === 'held').length;

  const footer =
    flow.phase === 'ready' ? (
      <>
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          onClick={() => void flow.start()}
          data-testid="import-start"
        >
          Check and import {files.length} file{files.length === 1 ? '' : 's'}
        </button>
      </>
    ) : flow.phase === 'running' ? (
      <button type="button" className="button" onClick={flow.cancel}>
        Cancel
      </button>
    ) : flow.phase === 'review' ? (
      <>
        <button type="button" className="button" onClick={close}>
          Leave held files out
        </button>
        <button
          type="button"
          className="button primary"
          onClick={() => void flow.resolveHeld()}
          data-testid="import-resolve"
        >
          Apply choices
        </button>
      </>
    ) : (
      <button type="button" className="button primary" onClick={close} data-testid="import-close">
        Done
      </button>
    );

  return (
    <Dialog title={`Import into ${target}`} onClose={close} footer={footer} testId="import-dialog" wide>
      {flow.error && <ErrorBanner error={flow.error} />}
      {flow.phase === 'ready' && (
        <>
          <p>
            Each file is checked against its dataset (recognised from its header) before it is copied. Files
            with findings are held back for you to decide.
          </p>
          <ul className="import-list">
            {files.map((f) => (
              <li key={f.name} className="import-item">
                <span className="mono">{f.name}</span>
                <span className="muted">{formatBytes(f.size)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {flow.phase === 'running' && <ProgressBar progress={flow.progress} label="Importing" />}
      {(flow.phase === 'review' || flow.phase === 'done') && (
        <>
          {flow.phase === 'review' && (
            <p data-testid="import-review-note">
              {heldCount} file{heldCount === 1 ? ' has' : 's have'} findings. Quarantine keeps a copy under{' '}
              <code>quarantine/</code>, away from valid data; skip leaves it out.
            </p>
          )}
          <ul className="import-list">
            {flow.outcomes.map((file) => (
              <Outcome key={file.name} file={file} choice={flow.choices[file.name]} onChoose={flow.choose} />
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}

function Outcome({
  file,
  choice,
  onChoose,
}: {
  file: ImportedFile;
  choice: HeldChoice | undefined;
  onChoose: (name: string, c: HeldChoice) => void;
}) {
  return (
    <li className="import-item outcome" data-testid="import-outcome" data-status={file.status}>
      <div className="import-item-head">
        <span className="mono strong">{file.name}</span>
        <Badge tone={STATUS_TONE[file.status]}>{STATUS_LABEL[file.status]}</Badge>
        {file.dataset && <span className="muted">dataset {file.dataset}</span>}
        <span className="spacer" />
        {file.status !== 'held' && <span className="mono muted">{file.path}</span>}
        {file.status === 'held' && (
          <span className="segmented" role="radiogroup" aria-label={`What to do with ${file.name}`}>
            {(['quarantine', 'skip'] as const).map((c) => (
              <label key={c} className={choice === c ? 'segment active' : 'segment'}>
                <input
                  type="radio"
                  name={`held-${file.name}`}
                  checked={choice === c}
                  onChange={() => onChoose(file.name, c)}
                />
                {c === 'quarantine' ? 'Quarantine' : 'Skip'}
              </label>
            ))}
          </span>
        )}
      </div>
      {file.findingCount > 0 && (
        <details className="import-findings" open={file.status === 'held'}>
          <summary>
            {formatCount(file.findingCount)} finding{file.findingCount === 1 ? '' : 's'}
          </summary>
          <FindingsTable findings={file.findings} total={file.findingCount} />
        </details>
      )}
    </li>
  );
}
