import { createContext, useContext, useEffect, type ReactNode } from 'react';
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
}

const WorkspaceContext = createContext<WorkspaceState | null>(null);

/** Known workspaces and the active one, kept fresh by the core's `workspaces.changed` event. */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const lake = useLake();
  const { data, error, isLoading, reload } = useCall('workspaces.list', {});
  useEffect(() => lake.on('workspaces.changed', reload), [lake, reload]);

  const workspaces = data?.workspaces ?? [];
  const active = workspaces.find((w) => w.id === data?.activeId) ?? null;
  const value: WorkspaceState = { workspaces, active, isLoading: isLoading && !data, error, reload };
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceState {
  const state = useContext(WorkspaceContext);
  if (!state) throw new Error('useWorkspace() needs a <WorkspaceProvider> above it.');
  return state;
}
