import { BrowserWindow, dialog } from 'electron';
import type { DesktopDialogs, FileDialogRequest } from '../core/desktop-dialogs';

function filters(request: FileDialogRequest) {
  return [{ name: request.extensions.join(', ').toUpperCase(), extensions: request.extensions }];
}

/** Native dialogs for the core (save an export, pick a report), parented to the focused window. */
export function electronDialogs(): DesktopDialogs {
  return {
    async chooseSavePath(request) {
      const options = { title: request.title, defaultPath: request.defaultName, filters: filters(request) };
      const window = BrowserWindow.getFocusedWindow();
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenPath(request) {
      const options = { title: request.title, filters: filters(request), properties: ['openFile' as const] };
      const window = BrowserWindow.getFocusedWindow();
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
