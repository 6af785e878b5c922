import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server';
import { launchBrowser, type Browser } from '../support/browser';

describe('browser mode front door', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('listens on 127.0.0.1 and prints a tokenized URL', () => {
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('answers 401 without the token, on pages and calls alike', async () => {
    expect((await fetch(`${app.origin}/`)).status).toBe(401);
    expect((await fetch(`${app.origin}/api/app.info`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await fetch(`${app.origin}/?token=wrong`)).status).toBe(401);
  });

  it('answers 403 to a foreign Origin or Host even with the token', async () => {
    const auth = { Authorization: `Bearer ${app.token}` };
    const foreign = await fetch(`${app.origin}/api/app.info`, {
      method: 'POST',
      headers: { ...auth, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    // fetch() will not send a forged Host header; a DNS-rebinding page's requests would carry one.
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: app.port,
          path: '/api/app.info',
          method: 'POST',
          headers: { ...auth, Host: 'evil.example' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(rebound).toBe(403);
  });

  it('serves typed results and typed errors to a token holder', async () => {
    const call = (method: string, input: unknown) =>
      fetch(`${app.origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      }).then((r) => r.json());
    expect(await call('app.info', {})).toMatchObject({
      ok: true,
      value: { name: 'Lakedesk', frontDoor: 'browser' },
    });
    expect(await call('no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await call('workspaces.open', { kind: 'local' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
  });

  it('trades the URL token for a cookie and gives the page no Node', async () => {
    const page = await browser.context.newPage();
    await page.goto(app.url);
    expect(new URL(page.url()).searchParams.get('token')).toBeNull();
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined' });
    const info = await page.evaluate(() =>
      fetch('/api/app.info', {
        method: 'POST',
        body: '{}',
        headers: { 'Content-Type': 'application/json' },
      }).then((r) => r.json()),
    );
    expect(info).toMatchObject({ ok: true, value: { frontDoor: 'browser' } });
    await page.close();
  });

  it('ships a renderer bundle with no Node built-ins or Electron imports', async () => {
    const assets = resolve(__dirname, '..', '..', 'out', 'renderer', 'assets');
    const scripts = (await readdir(assets)).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const nodeImport =
      /(?:require\(|from\s*|import\()\s*["'](?:node:[a-z_/]+|fs|path|os|child_process|net|electron)["']/;
    for (const file of scripts) {
      expect(nodeImport.exec(await readFile(join(assets, file), 'utf8'))?.[0], file).toBeUndefined();
    }
  });
});
