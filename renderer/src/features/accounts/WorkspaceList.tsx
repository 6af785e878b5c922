import { useState } from 'react';
import type { LakeErrorShape } from '@shared/errors';
import type { Workspace } from '@shared/workspaces.schema';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { Badge } from '../../components/Layout';
import { formatRelative } from '../../lib/format';
import { useLake } from '../../lib/LakeProvider';
import { toErrorShape } from '../../lib/lake-error';
import { useWorkspace } from '../../app/WorkspaceContext';

/** Known workspaces: switch to one, or forget it (its files stay where they are). */
export function WorkspaceList() {
  const lake = useLake();
  const { workspaces, active, reload } = useWorkspace();
  const [busyId, setBusyId] = useState<string>();
  const [error, setError] = useState<LakeErrorShape>();

  const act = async (id: string, action: () => Promise<unknown>) => {
    setBusyId(id);
    setError(undefined);
    try {
      await action();
      reload();
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setBusyId(undefined);
    }
  };

  if (workspaces.length === 0) {
    return <p className="muted">No workspaces yet. Open a lake folder above to add one.</p>;
  }

  return (
    <>
      {error && <ErrorBanner error={error} compact onDismiss={() => setError(undefined)} />}
      <ul className="workspace-list" data-testid="workspace-list">
        {workspaces.map((w: Workspace) => {
          const isActive = w.id === active?.id;
          return (
            <li
              key={w.id}
              className={isActive ? 'workspace-item active' : 'workspace-item'}
              data-testid="workspace-item"
            >
              <Icon name="folder" className="muted" />
              <div className="workspace-item-text">
                <div className="workspace-item-name">
                  {w.name} <Badge tone="accent">Local lake</Badge>{' '}
                  {isActive && <Badge tone="ok">Active</Badge>}
                </div>
                <div className="workspace-item-path mono">{w.path}</div>
                <div className="workspace-item-meta">Last opened {formatRelative(w.lastOpenedAt)}</div>
              </div>
              <div className="workspace-item-actions">
                {!isActive && (
                  <button
                    type="button"
                    className="button small"
                    disabled={busyId === w.id}
                    onClick={() => act(w.id, () => lake.call('workspaces.activate', { id: w.id }))}
                    data-testid="workspace-switch"
                  >
                    Switch to
                  </button>
                )}
                <button
                  type="button"
                  className="button small subtle"
                  disabled={busyId === w.id}
                  title="Remove from this list; the folder and its files are not touched"
                  onClick={() => act(w.id, () => lake.call('workspaces.forget', { id: w.id }))}
                  data-testid="workspace-forget"
                >
                  Forget
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
