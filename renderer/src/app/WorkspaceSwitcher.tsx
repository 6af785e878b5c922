import { useState } from 'react';
import type { Workspace } from '@shared/workspaces.schema';
import { Icon } from '../components/Icon';
import { ColourChip } from '../features/accounts/WorkspaceLabel';
import { useLake } from '../lib/LakeProvider';
import { toErrorShape } from '../lib/lake-error';
import { usePopover } from '../lib/usePopover';
import { useToasts } from './ToastContext';
import { useWorkspace } from './WorkspaceContext';

/** The top bar's list of open workspaces, each fully labelled; choosing one makes it active. */
export function WorkspaceSwitcher() {
  const lake = useLake();
  const { push } = useToasts();
  const { workspaces, active, reload } = useWorkspace();
  const { ref, isOpen, setOpen } = usePopover<HTMLDivElement>();
  const [busyId, setBusyId] = useState<string>();
  if (workspaces.length < 2) return null;

  const activate = async (workspace: Workspace) => {
    setBusyId(workspace.id);
    try {
      await lake.call('workspaces.activate', { id: workspace.id });
      setOpen(false);
      reload();
    } catch (error) {
      push({ kind: 'error', title: 'Could not switch workspace', detail: toErrorShape(error).message });
    } finally {
      setBusyId(undefined);
    }
  };

  return (
    <div className="switcher" ref={ref}>
      <button
        type="button"
        className="switcher-button"
        aria-expanded={isOpen}
        aria-haspopup="menu"
        onClick={() => setOpen((o) => !o)}
        title="Switch workspace"
        data-testid="workspace-switcher"
      >
        <Icon name="grid" size={15} />
        <span>{workspaces.length} workspaces</span>
      </button>
      {isOpen && (
        <div
          className="switcher-menu"
          role="menu"
          aria-label="Workspaces"
          data-testid="workspace-switcher-menu"
        >
          {workspaces.map((w) => {
            const isActive = w.id === active?.id;
            return (
              <button
                key={w.id}
                type="button"
                role="menuitemradio"
                aria-checked={isActive}
                className={isActive ? 'switcher-item active' : 'switcher-item'}
                disabled={busyId !== undefined}
                onClick={() => (isActive ? setOpen(false) : void activate(w))}
                data-testid="workspace-switcher-item"
                data-workspace-id={w.id}
              >
                {w.kind === 'aws' && w.aws ? (
                  <ColourChip colour={w.aws.colour} />
                ) : (
                  <Icon name="folder" size={14} className="muted" />
                )}
                <span className="switcher-item-text">
                  <span className="switcher-item-name">
                    {w.kind === 'aws' && w.aws ? w.aws.accountName : w.name}
                  </span>
                  <span className="switcher-item-detail">
                    {w.kind === 'aws' && w.aws
                      ? `${w.aws.accountId} · ${w.aws.roleName} · ${w.aws.region}`
                      : w.path}
                  </span>
                </span>
                {isActive && <Icon name="check" size={14} className="switcher-check" />}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
