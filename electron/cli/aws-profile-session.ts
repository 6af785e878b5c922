import { LakeError } from '@shared/errors';
import { loadSharedConfig, requireProfile } from '../core/accounts/shared-config';
import { CliSession } from './cli-session';
import { EXIT_OK } from './exit-codes';
import { reportError } from './output';

export interface AwsCommandOptions {
  profile?: string;
  json?: boolean;
}

/** The account, role and region an SSO profile names, to open as a workspace. */
async function profileTarget(name: string) {
  const config = await loadSharedConfig(process.env);
  const profile = requireProfile(config, name);
  const v = profile.values;
  const session = v.sso_session ?? v.sso_start_url;
  if (!session || !v.sso_account_id || !v.sso_role_name)
    throw new LakeError(
      'BAD_INPUT',
      `Profile "${name}" (${profile.where}) is not an SSO profile with sso_account_id and sso_role_name.`,
      'Lakedesk works in AWS through IAM Identity Center: use a profile with sso_session, sso_account_id and sso_role_name.',
    );
  const region = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || v.region;
  if (!region)
    throw new LakeError(
      'BAD_INPUT',
      `Profile "${name}" has no region.`,
      'Add region = … to it, or set AWS_REGION.',
    );
  return { session, accountId: v.sso_account_id, roleName: v.sso_role_name, region };
}

/**
 * Runs an AWS command in the workspace of `--profile` (default AWS_PROFILE, else `default`), opened in
 * a throwaway app home. A sign-in that expires while the command waits fails it (exit 2) instead of
 * waiting for a browser nobody opens. The body returns the exit code (0 or 1).
 */
export async function runWithAwsProfile(
  options: AwsCommandOptions,
  body: (session: CliSession, workspaceId: string) => Promise<number | void>,
): Promise<void> {
  let session: CliSession | undefined;
  let code: number;
  let stopWatching = () => {};
  try {
    const name = options.profile ?? process.env.AWS_PROFILE ?? 'default';
    const target = await profileTarget(name);
    session = await CliSession.openScratch();
    const opened = session;
    let expired: { message: string } | undefined;
    stopWatching = opened.core.services.events.subscribe((topic, payload) => {
      if (topic !== 'accounts.signInRequired' || expired) return;
      expired = payload as { message: string };
      opened.core.services.jobs.cancelAll();
    });
    const workspace = await opened.call('accounts.openWorkspace', target);
    code =
      (await body(opened, workspace.id).catch((error: unknown) => {
        if (expired)
          throw new LakeError(
            'SIGN_IN_REQUIRED',
            expired.message,
            `Sign in again: lakedesk sso login --session ${target.session}`,
          );
        throw error;
      })) ?? EXIT_OK;
  } catch (error) {
    code = reportError(error, Boolean(options.json));
  } finally {
    stopWatching();
    await session?.close().catch(() => undefined);
  }
  process.exitCode = code;
}

/** `1:05` for 65 seconds. */
export function duration(ms: number | undefined): string {
  if (ms === undefined) return '';
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A plain table for a terminal: columns padded to their widest cell. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]!) : c)).join('  ');
  return `${[head, ...rows].map(line).join('\n')}\n`;
}
