import { join } from 'node:path';
import { BrowserWindow, nativeTheme, screen } from 'electron';
import type { SettingsStore, WindowBounds } from '../core/settings-store';

const DEFAULT_BOUNDS: WindowBounds = { width: 1360, height: 860 };

/** Bounds that are still on a connected display; a removed monitor must not hide the window. */
function visibleBounds(saved: WindowBounds | undefined): WindowBounds {
  if (!saved || saved.x === undefined || saved.y === undefined) return saved ?? DEFAULT_BOUNDS;
  const area = screen.getDisplayMatching({
    x: saved.x,
    y: saved.y,
    width: saved.width,
    height: saved.height,
  }).workArea;
  const inside =
    saved.x >= area.x && saved.y >= area.y && saved.x < area.x + area.width && saved.y < area.y + area.height;
  return inside ? saved : { width: saved.width, height: saved.height };
}

/** The main window, with the security baseline set explicitly (not left to defaults). */
export async function createMainWindow(settings: SettingsStore, load: (w: BrowserWindow) => Promise<void>) {
  const saved = (await settings.load()).window;
  const bounds = visibleBounds(saved);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Lakedesk',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15181d' : '#f6f7f9',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // Remember size and position for the next start (written when the window closes).
  window.on('close', () => {
    const { x, y, width, height } = window.getNormalBounds();
    void settings.update((s) => ({ ...s, window: { x, y, width, height, maximized: window.isMaximized() } }));
  });
  await load(window);
  return window;
}
