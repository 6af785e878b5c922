import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium; `npx playwright install` cannot download a browser on these machines. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling Google and floods the closed network.
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium with its own user-data dir, so no test sees another's cookies or storage. */
export async function launchBrowser(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Browser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'lakedesk-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    args,
    headless: true,
    viewport: { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Where screenshots go: git-ignored, kept by CI as artifacts, and looked at by people. */
export const screenshotDir = join(__dirname, '..', '..', 'artifacts', 'screenshots');
