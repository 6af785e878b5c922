import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, nativeTheme, session } from 'electron';
import { createCore, type Core } from '../core/core';
import { APP_VERSION } from '../core/version';
import { ensureDefaultWorkspace } from '../core/workspaces/sample-lake';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './app-protocol';
import { appUrlMatcher } from './app-url';
import { forwardEvents, wireIpc } from './ipc';
import { electronDialogs } from './desktop-dialogs';
import { buildAppMenu } from './menu';
import { REPORT_EXTENSION, reportPathIn } from './report-files';
import { denyPermissions, hardenWebContents } from './security';
import { createMainWindow } from './window';

// electron-vite dev serves the renderer from a dev server; packaged and preview builds use app://.
const devUrl = process.env.ELECTRON_RENDERER_URL;
const isAppUrl = appUrlMatcher(devUrl ?? APP_ORIGIN);

registerAppScheme();
hardenWebContents(isAppUrl);

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;
// A report asked for before the window could show it (macOS open-file at launch, argv).
let pendingReport: string | undefined = reportPathIn(process.argv, process.cwd());

/** Hands a report bundle to the renderer, which opens it in the Reports area. */
function openReportPath(path: string): void {
  if (!core || !mainWindow) {
    pendingReport = path;
    return;
  }
  core.services.events.emit('app.openReport', { path });
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

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

async function chooseReport(activeCore: Core): Promise<void> {
  const path = await activeCore.services.desktop?.chooseOpenPath({
    title: 'Open a report',
    extensions: [REPORT_EXTENSION.slice(1)],
  });
  if (path) openReportPath(path);
}

async function start(): Promise<void> {
  await app.whenReady();
  nativeTheme.themeSource = 'system';
  denyPermissions(session.defaultSession, isAppUrl);
  handleAppProtocol(join(__dirname, '../renderer'));
  // LAKEDESK_HOME gives tests (and portable installs) an isolated home, as it does for the CLI.
  const activeCore = createCore({
    home: process.env.LAKEDESK_HOME ?? app.getPath('userData'),
    version: APP_VERSION,
  });
  activeCore.services.desktop = electronDialogs();
  core = activeCore;
  const lakeArg = process.argv.indexOf('--lake');
  const lake = lakeArg > 0 ? process.argv[lakeArg + 1] : undefined;
  if (lake) await activeCore.services.workspaces.openLocal(lake);
  else await ensureDefaultWorkspace(activeCore.services);
  wireIpc(activeCore, isAppUrl);
  Menu.setApplicationMenu(
    buildAppMenu({
      openReport: () => void chooseReport(activeCore),
      openLakeFolder: () => void openLakeFolder(activeCore),
      showArea: (area) =>
        mainWindow?.webContents.send('lake:event', { topic: 'app.showArea', payload: { area } }),
    }),
  );
  await openWindow(activeCore);
  // The renderer subscribes once it has loaded; give it the report it was started with then.
  mainWindow?.webContents.once('did-finish-load', () => {
    const path = pendingReport;
    pendingReport = undefined;
    if (path) setTimeout(() => openReportPath(path), 500);
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow(activeCore);
  });
}

// One instance: a second launch focuses the running window instead of opening a second core.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // macOS delivers double-clicked files (the .lakereport association) through open-file.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openReportPath(path);
  });
  app.on('second-instance', (_event, argv, cwd) => {
    const report = reportPathIn(argv, cwd);
    if (report) openReportPath(report);
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
