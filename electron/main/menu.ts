import { Menu, type MenuItemConstructorOptions } from 'electron';
import { safeOpenExternal } from './security';

export interface MenuActions {
  openReport(): void;
  openLakeFolder(): void;
  showArea(area: string): void;
}

const AREAS = ['accounts', 'lake', 'catalog', 'clusters', 'queries', 'reports'] as const;

/** The native menus with the usual shortcuts; Edit and Window use roles so the OS behaviour is right. */
export function buildAppMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Report…', accelerator: 'CmdOrCtrl+O', click: () => actions.openReport() },
        {
          label: 'Open Lake Folder…',
          accelerator: 'CmdOrCtrl+Shift+O',
          click: () => actions.openLakeFolder(),
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...AREAS.map((area, i): MenuItemConstructorOptions => ({
          label: area[0]!.toUpperCase() + area.slice(1),
          accelerator: `CmdOrCtrl+${i + 1}`,
          click: () => actions.showArea(area),
        })),
        { type: 'separator' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'Athena SQL reference',
          click: () => safeOpenExternal('https://docs.aws.amazon.com/athena/latest/ug/functions.html'),
        },
        { label: 'DuckDB documentation', click: () => safeOpenExternal('https://duckdb.org/docs/') },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
