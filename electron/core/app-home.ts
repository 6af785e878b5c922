import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Lakedesk keeps its settings when not run by Electron (which passes `userData`).
 * `LAKEDESK_HOME` wins, so tests and scripts get a fresh, isolated home.
 */
export function defaultAppHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LAKEDESK_HOME) return env.LAKEDESK_HOME;
  switch (process.platform) {
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Lakedesk');
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Lakedesk');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Lakedesk');
  }
}
