// `npm run e2e:electron`: the browser-mode flows, driven through Playwright's Electron support.
// Needs the Electron binary, which these dev machines cannot download; CI does not call this.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let binary;
try {
  binary = require('electron');
} catch (error) {
  console.error(
    'e2e:electron cannot run here: the Electron binary is not installed ' +
      `(${String(error.message).split('\n')[0]}).\n` +
      'Install without ELECTRON_SKIP_BINARY_DOWNLOAD on a machine that can reach Electron releases, then re-run.',
  );
  process.exit(2);
}
const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.mts'], {
  stdio: 'inherit',
  env: { ...process.env, LAKEDESK_E2E_ELECTRON: binary },
});
process.exit(result.status ?? 1);
