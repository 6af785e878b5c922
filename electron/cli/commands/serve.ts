import { join } from 'node:path';
import type { Command } from 'commander';
import type { Workspace } from '@shared/workspaces.schema';
import { defaultAppHome } from '../../core/app-home';
import { createCore } from '../../core/core';
import { APP_VERSION } from '../../core/version';
import { ensureDefaultWorkspace } from '../../core/workspaces/sample-lake';
import { startBrowserServer } from '../../server/browser-server';
import { openInBrowser } from '../open-in-browser';
import { EXIT_USAGE } from '../exit-codes';
import { reportError } from '../output';

export interface ServeOptions {
  port?: string;
  open?: boolean;
  lake?: string;
  json?: boolean;
}

/** Where the built renderer is: beside this bundle (out/main → out/renderer). */
export function rendererDir(): string {
  return join(__dirname, '..', 'renderer');
}

function describeWorkspace(active: Workspace | null): string {
  if (!active) return 'none';
  if (active.kind === 'local') return `${active.name} (${active.path})`;
  return `${active.name} (AWS ${active.aws?.accountId ?? ''} ${active.aws?.roleName ?? ''} ${active.aws?.region ?? ''})`;
}

/** Runs browser mode until the process is stopped. */
export async function serve(options: ServeOptions): Promise<void> {
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`error: --port must be a number from 0 to 65535, not "${options.port}".\n`);
    process.exitCode = EXIT_USAGE;
    return;
  }
  const core = createCore({ home: defaultAppHome(), version: APP_VERSION });
  try {
    if (options.lake !== undefined) await core.services.workspaces.openLocal(options.lake);
    else await ensureDefaultWorkspace(core.services);
    const server = await startBrowserServer({ core, rendererDir: rendererDir(), port });
    const active = await core.services.workspaces.active();
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port, workspace: active })}\n`);
    } else {
      process.stdout.write(
        `Lakedesk is running in browser mode.\n` +
          `  Workspace: ${describeWorkspace(active)}\n` +
          `  Open this URL (it holds your access token; don't share it):\n\n    ${server.url}\n\n` +
          `Press Ctrl+C to stop.\n`,
      );
    }
    if (options.open) openInBrowser(server.url);
    const stop = () => {
      void server
        .close()
        .then(() => core.close())
        .then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    await core.close();
    process.exitCode = reportError(error, Boolean(options.json));
  }
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Serve the console to a browser on 127.0.0.1, with a per-run token (for machines without the desktop app).',
    )
    .option('-p, --port <n>', 'port to listen on (default: a free one)')
    .option('--open', 'open the URL in the default browser')
    .option('--lake <dir>', 'open this local lake folder (default: the last workspace, or the sample lake)')
    .option('--json', 'print {url, port, workspace} as JSON')
    .action((options: ServeOptions) => serve(options));
}
