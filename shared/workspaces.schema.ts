import { z } from 'zod';

/** A place the console works on: a local lake folder, or (later) an AWS account + role + region. */
export const Workspace = z.object({
  id: z.string(),
  kind: z.enum(['local']),
  name: z.string(),
  /** Absolute folder of a local lake. */
  path: z.string(),
  lastOpenedAt: z.string().optional(),
});
export type Workspace = z.infer<typeof Workspace>;

export const WorkspaceList = z.object({
  workspaces: z.array(Workspace),
  activeId: z.string().nullable(),
});
export type WorkspaceList = z.infer<typeof WorkspaceList>;

export const workspacesContract = {
  /** Known workspaces and the active one. */
  'workspaces.list': { input: z.object({}), output: WorkspaceList },
  /** Open a local folder as a lake and make it the active workspace. */
  'workspaces.open': {
    input: z.object({ kind: z.literal('local'), path: z.string().min(1) }),
    output: Workspace,
  },
  /** Make a known workspace the active one. */
  'workspaces.activate': { input: z.object({ id: z.string() }), output: Workspace },
  /** Forget a workspace (its files stay where they are). */
  'workspaces.forget': { input: z.object({ id: z.string() }), output: WorkspaceList },
} as const;
