import { z } from 'zod';

/** An AWS workspace: an account + role + region reached through an organisation's SSO sign-in. */
export const AwsWorkspaceTarget = z.object({
  /** The organisation (sso-session name, or start URL of a legacy profile). */
  ssoSession: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  roleName: z.string(),
  region: z.string(),
  /** A colour per account (`#rrggbb`) so production is never mistaken for test. */
  colour: z.string(),
  /** The config profile whose settings (endpoints) apply, when one matches. */
  profile: z.string().optional(),
});
export type AwsWorkspaceTarget = z.infer<typeof AwsWorkspaceTarget>;

/** A place the console works on: a local lake folder, or an AWS account + role + region. */
export const Workspace = z.object({
  id: z.string(),
  kind: z.enum(['local', 'aws']),
  name: z.string(),
  /**
   * Absolute folder of a local lake; empty for an AWS workspace (check `kind` before using it:
   * `WorkspacesService.requireActive()` only ever returns a local one).
   */
  path: z.string(),
  lastOpenedAt: z.string().optional(),
  /** Set when `kind` is `aws`. */
  aws: AwsWorkspaceTarget.optional(),
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
