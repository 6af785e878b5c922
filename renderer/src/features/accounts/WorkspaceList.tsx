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
import { ColourChip, colourStyle, workspaceTitle } from './WorkspaceLabel';

/**
 * Known workspaces side by side, AWS ones labelled by account, id, role, region and colour:
 * switch to one, or forget it (a lake's files, an account's resources are not touched).
 */
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

  // A stable order (AWS first, then by label), not the core's most-recent-first: cards side by side
  // should not trade places each time one is switched to.
  const ordered = [...workspaces].sort(
    (a, b) =>
      Number(b.kind === 'aws') - Number(a.kind === 'aws') ||
      workspaceTitle(a).localeCompare(workspaceTitle(b)),
  );

  if (workspaces.length === 0) {
    return (
      <p className="muted">
        No workspaces yet. Sign in to an organisation and open an account, or open a local lake folder.
      </p>
    );
  }

  return (
    <>
      {error && <ErrorBanner error={error} compact onDismiss={() => setError(undefined)} />}
      <ul className="workspace-grid" data-testid="workspace-list">
        {ordered.map((w: Workspace) => {
          const isActive = w.id === active?.id;
          const isBusy = busyId === w.id;
          return (
            <li
              key={w.id}
              className={['workspace-item', w.kind, isActive && 'active'].filter(Boolean).join(' ')}
              style={colourStyle(w.aws?.colour)}
              data-testid="workspace-item"
              data-kind={w.kind}
              data-workspace-id={w.id}
              data-active={isActive}
            >
              {w.kind === 'aws' && w.aws ? (
                <AwsCardBody workspace={w} isActive={isActive} />
              ) : (
                <LocalCardBody workspace={w} isActive={isActive} />
              )}
              <div className="workspace-item-foot">
                <span className="workspace-item-meta">Last opened {formatRelative(w.lastOpenedAt)}</span>
                <span className="spacer" />
                {!isActive && (
                  <button
                    type="button"
                    className="button small"
                    disabled={isBusy}
                    onClick={() => act(w.id, () => lake.call('workspaces.activate', { id: w.id }))}
                    data-testid="workspace-switch"
                  >
                    Switch to
                  </button>
                )}
                <button
                  type="button"
                  className="button small subtle"
                  disabled={isBusy}
                  title={
                    w.kind === 'aws'
                      ? 'Remove from this list; nothing in the account is touched'
                      : 'Remove from this list; the folder and its files are not touched'
                  }
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

function LocalCardBody({ workspace, isActive }: { workspace: Workspace; isActive: boolean }) {
  return (
    <div className="workspace-item-text">
      <div className="workspace-item-name">
        <Icon name="folder" size={16} className="muted" />
        <span className="workspace-item-title">{workspace.name}</span>
        <Badge tone="accent">Local lake</Badge>
        {isActive && <Badge tone="ok">Active</Badge>}
      </div>
      <div className="workspace-item-path mono" title={workspace.path}>
        {workspace.path}
      </div>
    </div>
  );
}

function AwsCardBody({ workspace, isActive }: { workspace: Workspace; isActive: boolean }) {
  const aws = workspace.aws!;
  return (
    <div className="workspace-item-text">
      <div className="workspace-item-name">
        <ColourChip colour={aws.colour} size={14} />
        <span className="workspace-item-title" data-testid="workspace-account-name">
          {aws.accountName}
        </span>
        <Badge>AWS</Badge>
        {isActive && <Badge tone="ok">Active</Badge>}
      </div>
      <dl className="workspace-facts">
        <dt>Account</dt>
        <dd className="mono" data-testid="workspace-account-id">
          {aws.accountId}
        </dd>
        <dt>Role</dt>
        <dd data-testid="workspace-role">{aws.roleName}</dd>
        <dt>Region</dt>
        <dd data-testid="workspace-region">{aws.region}</dd>
        <dt>Organisation</dt>
        <dd>{aws.ssoSession}</dd>
        {isActive && <IdentityFact />}
      </dl>
    </div>
  );
}

/** The active AWS workspace's identity, as STS reports it. */
function IdentityFact() {
  const { identity } = useWorkspace();
  return (
    <>
      <dt>Identity</dt>
      <dd className="workspace-identity" data-testid="workspace-identity">
        {identity.data ? (
          <span className="mono" title={`User id ${identity.data.userId}`}>
            {identity.data.arn}
          </span>
        ) : identity.error ? (
          <span className="identity-error">{identity.error.message}</span>
        ) : (
          <span className="muted">Asking AWS…</span>
        )}
      </dd>
    </>
  );
}
