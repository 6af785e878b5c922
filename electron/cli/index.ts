import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../core/version';
import { registerAccountsCommand } from './commands/accounts';
import { registerCrawlCommand } from './commands/crawl';
import { registerCrawlerCommand } from './commands/crawler';
import { registerDemoCommand } from './commands/demo';
import { registerJobCommand } from './commands/job';
import { registerQueryCommand } from './commands/query';
import { registerReportCommand } from './commands/report';
import { registerServeCommand } from './commands/serve';
import { registerSsoCommand } from './commands/sso';
import { registerStartCommand } from './commands/start';
import { registerUploadCommand } from './commands/upload';
import { registerClusterCommand, registerStepCommand } from './commands/step';
import { registerValidateCommand } from './commands/validate';
import { registerWhoamiCommand } from './commands/whoami';
import { EXIT_USAGE } from './exit-codes';

/**
 * `lakedesk`: the command-line front door. Every command calls the core through the router, the
 * same way the desktop app and browser mode do.
 */
export function buildProgram(): Command {
  const program = new Command('lakedesk')
    .description('Lakedesk: a console for your data lake (local folder or AWS).')
    .version(APP_VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerStartCommand(program);
  registerServeCommand(program);
  registerValidateCommand(program);
  registerDemoCommand(program);
  registerAccountsCommand(program);
  registerSsoCommand(program);
  registerWhoamiCommand(program);
  registerCrawlCommand(program);
  registerQueryCommand(program);
  registerReportCommand(program);
  registerJobCommand(program);
  registerUploadCommand(program);
  registerCrawlerCommand(program);
  registerClusterCommand(program);
  registerStepCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // The SDK warns on every run under Node 20 that releases after January 2027 need Node 22. The
  // desktop app already runs on Electron's Node 22+; for the CLI the warning is noise in every
  // command's output and says nothing about the work. An explicit setting by the person still wins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; everything else commander rejects is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    throw error;
  }
}

void main(process.argv);
