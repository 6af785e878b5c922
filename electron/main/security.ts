import { app, shell, type WebContents } from 'electron';

/**
 * The one place that hands a URL to the OS. https only: a file:, smb: or custom-scheme URL from page
 * content could start programs (lint bans every other `openExternal`).
 */
export function safeOpenExternal(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.protocol === 'https:') void shell.openExternal(parsed.toString());
}

/** Locks down every web contents the app creates: no navigation, no new windows, no webviews. */
export function hardenWebContents(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    // The app is a single page; any navigation away from it is an attack or a mistake.
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    // New windows are denied; https links go to the person's browser instead.
    contents.setWindowOpenHandler(({ url }) => {
      safeOpenExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Camera, microphone, notifications-by-prompt, geolocation…: the console needs none of them. */
export function denyPermissions(session: Electron.Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
