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

/**
 * Camera, microphone, geolocation, clipboard reads…: the console needs none of them. Notifications
 * alone are allowed, and only to the app's own pages, so a finished crawl or step can say so when the
 * window is in the background.
 */
export function denyPermissions(session: Electron.Session, isAppUrl: (url: string) => boolean): void {
  const allowed = (permission: string, url: string) => permission === 'notifications' && isAppUrl(url);
  session.setPermissionRequestHandler((contents, permission, callback) =>
    callback(allowed(permission, contents.getURL())),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowed(permission, requestingOrigin),
  );
}
