import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Command } from 'commander';
import { serve } from './serve';

/**
 * The Electron binary, or why there is none. The `electron` package resolves to the binary's path in
 * plain Node and throws when its binary was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD).
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  try {
    const path: unknown = createRequire(__filename)('electron');
    return typeof path === 'string' ? { path } : { missing: 'the electron package did not name a binary' };
  } catch (error) {
    return {
      missing: error instanceof Error ? (error.message.split('\n')[0] ?? 'not installed') : 'not installed',
    };
  }
}

export function registerStartCommand(program: Command): void {
  program
    .command('start', { isDefault: true })
    .description('Open the desktop app; where the Electron binary is missing, start browser mode instead.')
    .option('--lake <dir>', 'open this local lake folder')
    .option('--open', 'in browser mode, open the URL in the default browser')
    .action(async (options: { lake?: string; open?: boolean }) => {
      const electron = findElectronBinary();
      if ('missing' in electron) {
        // Installs made with ELECTRON_SKIP_BINARY_DOWNLOAD (or offline) have the package but no binary.
        process.stderr.write(
          'The Electron desktop binary is not installed on this machine, so Lakedesk starts in browser mode.\n' +
            `(${electron.missing.replace(/, please delete.*$/, '')})\n\n`,
        );
        await serve(options);
        return;
      }
      const appDir = join(__dirname, '..', '..');
      const args = [appDir, ...(options.lake ? ['--lake', options.lake] : [])];
      const child = spawn(electron.path, args, { stdio: 'inherit' });
      child.on('exit', (code) => {
        process.exitCode = code ?? 0;
      });
    });
}
