import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type Page } from 'playwright-core';
import { startApp, type RunningApp } from './app-server';
import { launchBrowser, screenshotDir, type Browser } from './browser';

export interface ConsoleSession {
  page: Page;
  /** Set in browser mode: the server, its URL and token. */
  app?: RunningApp;
  /** Saves a full-window screenshot as artifacts/screenshots/<name>.png. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens the console the way the run allows: browser mode in Debian's Chromium (always here), or the
 * desktop app through Playwright's Electron support when `npm run e2e:electron` found a binary.
 */
export async function openConsole(
  options: { lake?: string; colorScheme?: 'light' | 'dark'; env?: Record<string, string> } = {},
): Promise<ConsoleSession> {
  await mkdir(screenshotDir, { recursive: true });
  const screenshot = (page: Page) => async (name: string) => {
    const path = join(screenshotDir, `${name}.png`);
    await page.screenshot({ path, fullPage: false });
    return path;
  };
  const electronBinary = process.env.LAKEDESK_E2E_ELECTRON;
  if (electronBinary) {
    const home = await mkdtemp(join(tmpdir(), 'lakedesk-e2e-electron-'));
    const app = await _electron.launch({
      executablePath: electronBinary,
      args: [resolve(__dirname, '..', '..'), ...(options.lake ? ['--lake', options.lake] : [])],
      env: { ...process.env, ...options.env, LAKEDESK_HOME: home },
      colorScheme: options.colorScheme ?? 'light',
    });
    const page = await app.firstWindow();
    return {
      page,
      screenshot: screenshot(page),
      async close() {
        await app.close();
        await rm(home, { recursive: true, force: true });
      },
    };
  }
  const app = await startApp({
    ...(options.lake ? { lake: options.lake } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser(options.colorScheme ? { colorScheme: options.colorScheme } : {});
    const page = await browser.context.newPage();
    await page.goto(app.url);
    const opened = browser;
    return {
      page,
      app,
      screenshot: screenshot(page),
      async close() {
        await opened.close();
        await app.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await app.stop();
    throw error;
  }
}
