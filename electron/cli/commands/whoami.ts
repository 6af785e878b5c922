import type { Command } from 'commander';
import { printJson } from '../output';
import { runWithSession } from '../run-command';

export interface WhoamiOptions {
  profile?: string;
  json?: boolean;
}

/** `lakedesk whoami [--profile P] [--json]`: STS GetCallerIdentity for a config profile. */
export async function whoamiCommand(options: WhoamiOptions): Promise<void> {
  await runWithSession({ json: Boolean(options.json) }, async (session) => {
    const profile = options.profile ?? process.env.AWS_PROFILE ?? 'default';
    const identity = await session.call('accounts.whoami', { profile });
    if (options.json) printJson(identity);
    else
      process.stdout.write(
        `Account  ${identity.accountId}\nArn      ${identity.arn}\nUserId   ${identity.userId}\n`,
      );
  });
}

export function registerWhoamiCommand(program: Command): void {
  program
    .command('whoami')
    .description('Show who AWS says you are (STS GetCallerIdentity) for a profile.')
    .option('-p, --profile <name>', 'the profile in ~/.aws/config (default: AWS_PROFILE, else default)')
    .option('--json', 'print {accountId, arn, userId} as JSON')
    .action((options: WhoamiOptions) => whoamiCommand(options));
}
