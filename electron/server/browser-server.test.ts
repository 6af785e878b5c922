import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/core';
import { startBrowserServer, type BrowserServer } from './browser-server';

describe('browser-mode server', () => {
  let home: string;
  let core: Core;
  let server: BrowserServer;
  const get = (path: string, token = server.token) =>
    fetch(`http://127.0.0.1:${server.port}${path}`, { headers: { Authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'lakedesk-server-'));
    await mkdir(join(home, 'renderer'));
    await writeFile(join(home, 'renderer', 'index.html'), '<!doctype html><title>Lakedesk</title>');
    await mkdir(join(home, 'downloads'));
    await writeFile(join(home, 'downloads', 'gross-profit.lakereport'), 'PK-bundle-bytes');
    await writeFile(join(home, 'settings.json'), '{}');
    core = createCore({ home, version: '0.0.0-test' });
    server = await startBrowserServer({ core, rendererDir: join(home, 'renderer') });
  });
  afterAll(async () => {
    await server.close();
    await core.close();
    await rm(home, { recursive: true, force: true });
  });

  it('serves an export from the downloads folder as an attachment', async () => {
    const response = await get('/download/gross-profit.lakereport');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      'attachment; filename="gross-profit.lakereport"',
    );
    expect(await response.text()).toBe('PK-bundle-bytes');
  });

  it('serves nothing outside the downloads folder, and nothing without the token', async () => {
    expect((await get('/download/..%2Fsettings.json')).status).toBe(404);
    expect((await get('/download/%2E%2E%2Fsettings.json')).status).toBe(404);
    expect((await get('/download/missing.lakereport')).status).toBe(404);
    expect((await get('/download/gross-profit.lakereport', 'wrong')).status).toBe(401);
  });

  it('falls back to the app for unknown paths and refuses to serve outside the bundle', async () => {
    expect(await (await get('/reports')).text()).toContain('<title>Lakedesk</title>');
    const escaped = await get('/..%2Fsettings.json');
    expect(await escaped.text()).not.toContain('{}');
  });

  it('answers a malformed JSON body with a typed BAD_INPUT error', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/app.info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}` },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
