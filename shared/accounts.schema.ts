import { z } from 'zod';
import { JobRef } from './jobs.schema';
import { AwsWorkspaceTarget, Workspace } from './workspaces.schema';

/*
 * Accounts: IAM Identity Center (SSO) organisations, sign-in, accounts and roles, AWS workspaces.
 * Nothing here ever carries a secret: tokens and role credentials stay in the Node side
 * (accounts-contract-secrets.test.ts walks every schema of the contract to keep it so).
 */

/** A new sso-session name: it becomes `[sso-session NAME]` in ~/.aws/config. */
export const NewSessionName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, dots, dashes and underscores only');

/** An organisation as listed: an sso-session name, or the start URL of a legacy profile. */
export const SessionRef = z.string().min(1).max(2048);

export const AccountId = z.string().regex(/^\d{12}$/, 'an AWS account id has 12 digits');
export const AwsRegion = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'an AWS region such as eu-west-1');
export const RoleName = z.string().min(1).max(128);
/** A CSS colour `#rrggbb`. */
export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #1e88e5');

/** What the person must do in the browser to approve a sign-in (RFC 8628 device authorization). */
export const DeviceCodePrompt = z.object({
  /** The sign-in job waiting for approval. */
  jobId: z.string(),
  /** The page to open; the app opens it in the system browser. */
  verificationUri: z.string(),
  /** The same page with the code filled in. */
  verificationUriComplete: z.string().optional(),
  /** The code to show in the app, to compare with the one in the browser. */
  userCode: z.string(),
  /** When the code stops working (ISO 8601). */
  expiresAt: z.string(),
});
export type DeviceCodePrompt = z.infer<typeof DeviceCodePrompt>;

/** Whether an organisation is signed in, and until when (for the countdown). */
export const SignInStatus = z.object({
  session: z.string(),
  state: z.enum(['signedOut', 'pending', 'signedIn', 'expired']),
  /** When the cached sign-in expires (ISO 8601); the UI counts down to it. */
  expiresAt: z.string().optional(),
  /** Whether Lakedesk can renew the sign-in by itself before it expires (no browser needed). */
  canRefresh: z.boolean(),
  /** Present while a sign-in waits for the person to approve it in the browser. */
  pending: DeviceCodePrompt.optional(),
});
export type SignInStatus = z.infer<typeof SignInStatus>;

/** A company's IAM Identity Center, as configured in ~/.aws/config. */
export const Organisation = z.object({
  /** The handle every accounts call takes as `session`. */
  name: z.string(),
  startUrl: z.string(),
  /** The IAM Identity Center region (`sso_region`). */
  region: z.string(),
  scopes: z.array(z.string()),
  /** `sso-session`: a `[sso-session]` section; `legacy`: `sso_start_url` set on profiles directly. */
  source: z.enum(['sso-session', 'legacy']),
  /** Profiles in the config that use this organisation. */
  profiles: z.array(z.string()),
  signIn: SignInStatus,
});
export type Organisation = z.infer<typeof Organisation>;

export const AccountSummary = z.object({
  accountId: z.string(),
  accountName: z.string(),
  emailAddress: z.string().optional(),
  favourite: z.boolean(),
  colour: z.string(),
  /** The roles the person may use, when the listing asked for them. */
  roles: z.array(z.string()).optional(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const AccountList = z.object({
  session: z.string(),
  /** Favourites first, then by name. */
  accounts: z.array(AccountSummary),
  fetchedAt: z.string(),
});
export type AccountList = z.infer<typeof AccountList>;

export const RoleList = z.object({ session: z.string(), accountId: z.string(), roles: z.array(z.string()) });
export type RoleList = z.infer<typeof RoleList>;

/** Who AWS says the caller is (STS GetCallerIdentity). */
export const CallerIdentity = z.object({ accountId: z.string(), arn: z.string(), userId: z.string() });
export type CallerIdentity = z.infer<typeof CallerIdentity>;

export const SignInResult = z.object({ session: z.string(), expiresAt: z.string() });

export const accountsContract = {
  /** Organisations (sso-sessions and legacy SSO profiles) in ~/.aws/config, each with its sign-in status. */
  'accounts.listOrganisations': {
    input: z.object({}),
    output: z.object({ organisations: z.array(Organisation) }),
  },
  /**
   * "Add organisation": saves `[sso-session NAME]` with the start URL and SSO region to ~/.aws/config
   * (atomically, after a backup, comments kept). Fails with BAD_INPUT if the name is taken.
   */
  'accounts.addOrganisation': {
    input: z.object({
      name: NewSessionName,
      startUrl: z.url({ protocol: /^https?$/ }),
      region: AwsRegion,
      scopes: z.array(z.string().min(1)).default(['sso:account:access']),
    }),
    output: Organisation,
  },
  /**
   * Signs in to an organisation by device authorization. While it waits, `accounts.sessionChanged`
   * carries `signIn.pending` (verification URL and user code; open the URL in the system browser)
   * and the job's progress message says the same in words. Ends when the person approves, the code
   * expires (failed) or the job is cancelled. Waiting work resumes after it succeeds.
   */
  'accounts.signIn': { input: z.object({ session: SessionRef }), output: JobRef, job: SignInResult },
  /** Signs out: calls Logout, removes the cached sign-in and forgets role credentials. */
  'accounts.signOut': { input: z.object({ session: SessionRef }), output: SignInStatus },
  /** Sign-in status of one organisation, for the countdown. Cheap: no network. */
  'accounts.status': { input: z.object({ session: SessionRef }), output: SignInStatus },
  /**
   * Accounts the person may use in an organisation, paged through ListAccounts (and ListAccountRoles
   * per account with `includeRoles`), with backoff on throttling; progress "fetched X of N".
   * Served from memory unless `refresh` is set or the organisation was never listed in this run.
   */
  'accounts.listAccounts': {
    input: z.object({
      session: SessionRef,
      includeRoles: z.boolean().default(false),
      refresh: z.boolean().default(false),
    }),
    output: JobRef,
    job: AccountList,
  },
  /** The roles the person may use in one account. */
  'accounts.listRoles': { input: z.object({ session: SessionRef, accountId: AccountId }), output: RoleList },
  /** Marks or unmarks an account as a favourite (kept in the app's folder, per organisation). */
  'accounts.setFavourite': {
    input: z.object({ session: SessionRef, accountId: AccountId, favourite: z.boolean() }),
    output: z.object({ session: z.string(), favourites: z.array(z.string()) }),
  },
  /** Sets the colour that labels an account everywhere (production red, test green, …). */
  'accounts.setColour': {
    input: z.object({ accountId: AccountId, colour: Colour }),
    output: z.object({ accountId: z.string(), colour: z.string() }),
  },
  /**
   * Opens account + role + region as an AWS workspace and makes it the active one (others stay
   * listed in `workspaces.list`). Checks the role first (GetRoleCredentials), so a refused role fails
   * here with a hint rather than later.
   */
  'accounts.openWorkspace': {
    input: AwsWorkspaceTarget.pick({ accountId: true, roleName: true, region: true }).extend({
      session: SessionRef,
      accountName: z.string().optional(),
    }),
    output: Workspace,
  },
  /**
   * Who AWS says the caller is: for an AWS workspace (default: the active one), or for a config
   * profile (`profile`: SSO, static keys, credential_process, assumed role).
   */
  'accounts.whoami': {
    input: z.object({ workspaceId: z.string().optional(), profile: z.string().optional() }),
    output: CallerIdentity,
  },
} as const;

/** Events of the accounts area (spread into `events` in contract.ts). */
export const accountsEvents = {
  /** An organisation's sign-in changed: pending (with the code), signed in, refreshed, expired, out. */
  'accounts.sessionChanged': SignInStatus,
  /**
   * Work needs a sign-in that has expired and could not be renewed: it is paused until
   * `accounts.signIn` succeeds for `session`, then resumes. Sent once per expiry, not per waiter.
   */
  'accounts.signInRequired': z.object({
    session: z.string(),
    startUrl: z.string(),
    reason: z.enum(['expired', 'signedOut', 'rejected']),
    message: z.string(),
  }),
} as const;
