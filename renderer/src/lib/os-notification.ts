/**
 * An OS notification for work that ended while the person looked elsewhere. Desktop app only: browser
 * mode has no `window.lake` and never asks a tab for the permission. The desktop app's session may
 * deny the permission (electron/main/security.ts denies every check): then nothing shows here and
 * the in-app toast carries the news alone.
 */
export function notifyOs(title: string, body: string): void {
  if (typeof window === 'undefined' || !window.lake) return;
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  // In front, the toast says it already; a second, system-wide pop-up would only repeat it.
  if (document.hasFocus()) return;
  try {
    new Notification(title, { body });
  } catch {
    // Some platforms refuse notifications from a renderer at run time; the toast still shows.
  }
}
