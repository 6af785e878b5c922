import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, nativeTheme, session } from 'electron';
import { createCore, type Core } from '../core/core';
import { APP_VERSION } from '../core/version';
import { ensureDefaultWorkspace } from '../core/workspaces/sample-lake';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './app-protocol';
import { forwardEvents, wireIpc } from './ipc';
import { buildAppMenu } from './menu';
import { denyPermissions, hardenWebContents } from './security';
import { createMainWindow } from './window';

// electron-vite dev serves the renderer from a dev server; packaged and preview builds use app://.
const devUrl = process.env.ELECTRON_RENDERER_URL;
const appOrigin = devUrl ? new URL(devUrl).origin : APP_ORIGIN;
const isAppUrl = (url: string): boolean => {
  try {
    return new URL(url).origin === appOrigin;
  } catch {
    return false;
  }
};

registerAppScheme();
hardenWebContents(isAppUrl);

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

async function openWindow(activeCore: Core): Promise<void> {
  mainWindow = await createMainWindow(activeCore.services.settings, async (window) => {
    forwardEvents(activeCore, window);
    await window.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
  });
  mainWindow.on('closed', () => (mainWindow = undefined));
}

async function openLakeFolder(activeCore: Core): Promise<void> {
  const options = {
    title: 'Open a local lake folder',
    properties: ['openDirectory' as const, 'createDirectory' as const],
  };
  const picked = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options);
  const folder = picked.filePaths[0];
  if (picked.canceled || !folder) return;
  const result = await activeCore.router.call(
    'workspaces.open',
    { kind: 'local', path: folder },
    { frontDoor: 'electron', trusted: true },
  );
  if (!result.ok)
    dialog.showErrorBox('Could not open the folder', `${result.error.message}\n\n${result.error.hint ?? ''}`);
}

async function start(): Promise<void> {
  await app.whenReady();
  nativeTheme.themeSource = 'system';
  denyPermissions(session.defaultSession);
  handleAppProtocol(join(__dirname, '../renderer'));
  // LAKEDESK_HOME gives tests (and portable installs) an isolated home, as it does for the CLI.
  const activeCore = createCore({
    home: process.env.LAKEDESK_HOME ?? app.getPath('userData'),
    version: APP_VERSION,
  });
  core = activeCore;
  const lakeArg = process.argv.indexOf('--lake');
  const lake = lakeArg > 0 ? process.argv[lakeArg + 1] : undefined;
  if (lake) await activeCore.services.workspaces.openLocal(lake);
  else await ensureDefaultWorkspace(activeCore.services);
  wireIpc(activeCore, isAppUrl);
  Menu.setApplicationMenu(
    buildAppMenu({
      openLakeFolder: () => void openLakeFolder(activeCore),
      showArea: (area) =>
        mainWindow?.webContents.send('lake:event', { topic: 'app.showArea', payload: { area } }),
    }),
  );
  await openWindow(activeCore);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow(activeCore);
  });
}

// One instance: a second launch focuses the running window instead of opening a second core.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => void core?.close());
  start().catch((error: unknown) => {
    dialog.showErrorBox('Lakedesk could not start', error instanceof Error ? error.message : String(error));
    app.exit(2);
  });
}
