import type { Command } from 'commander';
import { LakeError } from '@shared/errors';
import type { AccountList } from '@shared/accounts.schema';
import type { CliSession } from '../cli-session';
import { printJson } from '../output';
import { runWithSession } from '../run-command';

export interface AccountsListOptions {
  session?: string;
  roles?: boolean;
  json?: boolean;
}

/**
 * The organisation to use when none is named: the one of AWS_PROFILE's profile, else the only one.
 * Several and no way to choose is a usage error listing them.
 */
export async function defaultSession(session: CliSession): Promise<string> {
  const { organisations } = await session.call('accounts.listOrganisations', {});
  const profile = process.env.AWS_PROFILE;
  const byProfile = profile ? organisations.find((o) => o.profiles.includes(profile)) : undefined;
  if (byProfile) return byProfile.name;
  if (organisations.length === 1) return organisations[0]!.name;
  throw new LakeError(
    'BAD_INPUT',
    organisations.length === 0
      ? 'No organisation (sso-session) is configured.'
      : `Several organisations are configured: ${organisations.map((o) => o.name).join(', ')}.`,
    organisations.length === 0
      ? 'Add one with an [sso-session] in ~/.aws/config, or from the app.'
      : 'Choose one with --session NAME.',
  );
}

function printAccounts(list: AccountList, withRoles: boolean): void {
  const rows = list.accounts.map((a) => [
    a.favourite ? '*' : ' ',
    a.accountId,
    a.accountName,
    a.emailAddress ?? '',
    ...(withRoles ? [(a.roles ?? []).join(',')] : []),
  ]);
  const head = [' ', 'ACCOUNT ID', 'NAME', 'EMAIL', ...(withRoles ? ['ROLES'] : [])];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]!) : c)).join('  ');
  process.stdout.write(`${[head, ...rows].map(line).join('\n')}\n`);
  process.stderr.write(`${list.accounts.length} accounts in ${list.session}.\n`);
}

/** `lakedesk accounts list [--session NAME] [--roles] [--json]`. */
export async function accountsListCommand(options: AccountsListOptions): Promise<void> {
  await runWithSession({ json: Boolean(options.json) }, async (session) => {
    const name = options.session ?? (await defaultSession(session));
    const includeRoles = Boolean(options.roles);
    const list = await session.runJob(
      'accounts.listAccounts',
      { session: name, includeRoles, refresh: true },
      { label: `Listing accounts of ${name}` },
    );
    if (options.json) printJson(list);
    else printAccounts(list, includeRoles);
  });
}

export function registerAccountsCommand(program: Command): void {
  const accounts = program
    .command('accounts')
    .description('AWS accounts you can use through your organisations’ SSO sign-in.');
  accounts
    .command('list')
    .description(
      'List the accounts of an organisation (sso-session); sign in first with `lakedesk sso login`.',
    )
    .option('-s, --session <name>', 'the sso-session (default: the one of AWS_PROFILE, or the only one)')
    .option('--roles', 'also list the roles you may use in each account')
    .option(
      '--json',
      'print {session, accounts: [{accountId, accountName, emailAddress, favourite, colour, roles}]} as JSON',
    )
    .action((options: AccountsListOptions) => accountsListCommand(options));
}
