import { useState, type FormEvent } from 'react';
import type { LakeErrorShape } from '@shared/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLake } from '../../lib/LakeProvider';
import { toErrorShape } from '../../lib/lake-error';
import { useWorkspace } from '../../app/WorkspaceContext';

/**
 * Opens a local lake folder by its absolute path. A path field rather than a folder picker: browser
 * mode has no access to the file system's paths, and the same form then works on both front doors.
 */
export function OpenFolderForm({ autoFocus, onOpened }: { autoFocus?: boolean; onOpened?: () => void }) {
  const lake = useLake();
  const { reload } = useWorkspace();
  const [path, setPath] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<LakeErrorShape>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!path.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      await lake.call('workspaces.open', { kind: 'local', path: path.trim() });
      setPath('');
      reload();
      onOpened?.();
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="open-folder" onSubmit={submit} data-testid="open-folder-form">
      <label className="field-label" htmlFor="lake-path">
        Lake folder
      </label>
      <div className="inline-form">
        <input
          id="lake-path"
          className="input mono grow"
          type="text"
          placeholder="/home/you/lake  or  C:\Lakes\finance"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          autoFocus={autoFocus}
          spellCheck={false}
          autoComplete="off"
          data-testid="open-folder-path"
        />
        <button
          type="submit"
          className="button primary"
          disabled={isBusy || !path.trim()}
          data-testid="open-folder-submit"
        >
          {isBusy ? 'Opening…' : 'Open folder'}
        </button>
      </div>
      <p className="field-help">
        The absolute path of a folder on this machine. Lakedesk reads its files where they are and keeps its
        own notes in a <code>.lakedesk</code> folder inside it.
      </p>
      {error && <ErrorBanner error={error} compact onDismiss={() => setError(undefined)} />}
    </form>
  );
}
