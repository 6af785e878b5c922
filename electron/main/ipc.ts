import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import type { Core } from '../core/core';

/** One channel for calls, one for events: the preload allows no other. */
export const INVOKE_CHANNEL = 'lake:invoke';
export const EVENT_CHANNEL = 'lake:event';

/**
 * Wires the router to IPC. Every call's sender is checked: it must be a window's main frame showing
 * our app URL, so an injected iframe or a navigated page cannot reach the core.
 */
export function wireIpc(core: Core, isAppUrl: (url: string) => boolean): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    const frame: WebFrameMain | null = event.senderFrame;
    const trusted = frame !== null && frame.parent === null && isAppUrl(frame.url);
    return core.router.call(typeof method === 'string' ? method : '', input, {
      frontDoor: 'electron',
      trusted,
    });
  });
}

/** Forwards core events to a window until it closes. */
export function forwardEvents(core: Core, window: BrowserWindow): void {
  const unsubscribe = core.services.events.subscribe((topic, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, { topic, payload });
  });
  window.on('closed', unsubscribe);
}
