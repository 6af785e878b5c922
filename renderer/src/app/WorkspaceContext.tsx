import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { CallerIdentity } from '@shared/accounts.schema';
import type { LakeErrorShape } from '@shared/errors';
import type { Workspace } from '@shared/workspaces.schema';
import { useLake } from '../lib/LakeProvider';
import { useCall } from '../lib/useCall';

export interface WorkspaceState {
  workspaces: Workspace[];
  active: Workspace | null;
  isLoading: boolean;
  error: LakeErrorShape | undefined;
  reload: () => void;
  /** Who AWS says the caller is in the active AWS workspace (STS GetCallerIdentity). */
  identity: { data: CallerIdentity | undefined; error: LakeErrorShape | undefined; isLoading: boolean };
}

const WorkspaceContext = createContext<WorkspaceState | null>(null);

/** Known workspaces and the active one, kept fresh by the core's `workspaces.changed` event. */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const lake = useLake();
  const { data, error, isLoading, reload } = useCall('workspaces.list', {});
  useEffect(() => lake.on('workspaces.changed', reload), [lake, reload]);

  const workspaces = data?.workspaces ?? [];
  const active = workspaces.find((w) => w.id === data?.activeId) ?? null;
  const awsSession = active?.kind === 'aws' ? active.aws?.ssoSession : undefined;
  const whoami = useCall('accounts.whoami', { workspaceId: active?.id }, { skip: !awsSession });
  const reloadWhoami = whoami.reload;
  // After a sign-in (again), ask AWS once more: the identity failed while signed out.
  useEffect(
    () =>
      lake.on('accounts.sessionChanged', (status) => {
        if (status.session === awsSession && status.state === 'signedIn') reloadWhoami();
      }),
    [lake, awsSession, reloadWhoami],
  );

  // useCall keeps the last answer while asking again: never show one workspace's identity under another.
  const target = active?.aws;
  const isCurrent =
    whoami.data !== undefined &&
    whoami.data.accountId === target?.accountId &&
    whoami.data.arn.includes(target.roleName);
  const identity = awsSession
    ? { data: isCurrent ? whoami.data : undefined, error: whoami.error, isLoading: whoami.isLoading }
    : { data: undefined, error: undefined, isLoading: false };
  const value: WorkspaceState = {
    workspaces,
    active,
    isLoading: isLoading && !data,
    error,
    reload,
    identity,
  };
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceState {
  const state = useContext(WorkspaceContext);
  if (!state) throw new Error('useWorkspace() needs a <WorkspaceProvider> above it.');
  return state;
}
