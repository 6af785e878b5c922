import type { Command } from 'commander';
import { printJson } from '../output';
import { runWithSession } from '../run-command';
import { defaultSession } from './accounts';

export interface SsoOptions {
  session?: string;
  json?: boolean;
}

/**
 * `lakedesk sso login --session NAME`: prints the verification URL and code to stderr (always: the
 * person needs them even when stdout is piped) and waits until the sign-in is approved.
 */
export async function ssoLoginCommand(options: SsoOptions): Promise<void> {
  await runWithSession({ json: Boolean(options.json) }, async (session) => {
    const name = options.session ?? (await defaultSession(session));
    const stop = session.core.services.events.subscribe((topic, payload) => {
      if (topic !== 'accounts.sessionChanged') return;
      const status = payload as {
        session: string;
        pending?: { verificationUri: string; verificationUriComplete?: string; userCode: string };
      };
      if (status.session !== name || !status.pending) return;
      const { verificationUri, verificationUriComplete, userCode } = status.pending;
      process.stderr.write(
        `To sign in to ${name}, open this page in a browser:\n\n    ${verificationUriComplete ?? verificationUri}\n\n` +
          `and check that it shows the code: ${userCode}\nWaiting for approval… (Ctrl+C to stop)\n`,
      );
    });
    try {
      const result = await session.runJob(
        'accounts.signIn',
        { session: name },
        { label: `Signing in to ${name}` },
      );
      if (options.json) printJson(result);
      else process.stdout.write(`Signed in to ${result.session} until ${result.expiresAt}.\n`);
    } finally {
      stop();
    }
  });
}

/** `lakedesk sso logout --session NAME`. */
export async function ssoLogoutCommand(options: SsoOptions): Promise<void> {
  await runWithSession({ json: Boolean(options.json) }, async (session) => {
    const name = options.session ?? (await defaultSession(session));
    const status = await session.call('accounts.signOut', { session: name });
    if (options.json) printJson(status);
    else process.stdout.write(`Signed out of ${name}.\n`);
  });
}

export function registerSsoCommand(program: Command): void {
  const sso = program
    .command('sso')
    .description('Sign in to (and out of) an organisation’s IAM Identity Center.');
  sso
    .command('login')
    .description('Sign in by device code; the sign-in is cached like `aws sso login` (~/.aws/sso/cache).')
    .option('-s, --session <name>', 'the sso-session (default: the one of AWS_PROFILE, or the only one)')
    .option('--json', 'print {session, expiresAt} as JSON')
    .action((options: SsoOptions) => ssoLoginCommand(options));
  sso
    .command('logout')
    .description('Sign out: ends the sign-in (Logout) and removes the cached token.')
    .option('-s, --session <name>', 'the sso-session (default: the one of AWS_PROFILE, or the only one)')
    .option('--json', 'print the sign-in status as JSON')
    .action((options: SsoOptions) => ssoLogoutCommand(options));
}
