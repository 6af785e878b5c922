import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from './core';

describe('router', () => {
  let home: string;
  let core: Core;
  const trusted = { frontDoor: 'cli' as const, trusted: true };

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'lakedesk-router-'));
    core = createCore({ home, version: '9.9.9' });
  });
  afterEach(async () => {
    await core.close();
    await rm(home, { recursive: true, force: true });
  });

  it('refuses an untrusted sender before looking at anything else', async () => {
    const result = await core.router.call('app.info', {}, { frontDoor: 'electron', trusted: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers an unknown method with a typed error and a hint', async () => {
    const result = await core.router.call('storage.format', {}, trusted);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: expect.stringContaining('storage.format') },
    });
    expect(result.ok || result.error.hint).toBeTruthy();
  });

  it('checks input against the schema and names the bad field', async () => {
    const result = await core.router.call('workspaces.open', { kind: 'local', path: 42 }, trusted);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('path') },
    });
  });

  it('does not let prototype keys pass as methods', async () => {
    const result = await core.router.call('constructor', {}, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('dispatches a valid call and reports the front door', async () => {
    const result = await core.router.call('app.info', {}, trusted);
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Lakedesk',
        version: '9.9.9',
        platform: `${process.platform}-${process.arch}`,
        frontDoor: 'cli',
      },
    });
  });

  it('turns a service failure into code, message and hint instead of throwing', async () => {
    const result = await core.router.call(
      'workspaces.open',
      { kind: 'local', path: join(home, 'missing') },
      trusted,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', hint: expect.any(String) } });
  });

  it('opens a workspace, persists it, and announces the change', async () => {
    const seen: unknown[] = [];
    core.services.events.subscribe((topic, payload) => topic === 'workspaces.changed' && seen.push(payload));
    const opened = await core.router.call('workspaces.open', { kind: 'local', path: home }, trusted);
    expect(opened).toMatchObject({ ok: true, value: { kind: 'local', path: home } });
    const again = createCore({ home, version: '9.9.9' });
    expect(await again.router.call('workspaces.list', {}, trusted)).toMatchObject({
      ok: true,
      value: { workspaces: [{ path: home }], activeId: expect.stringMatching(/^local-/) },
    });
    expect(seen).toHaveLength(1);
  });
});
