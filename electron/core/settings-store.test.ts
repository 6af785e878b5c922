import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from './settings-store';

describe('settings store', () => {
  let home: string;
  beforeEach(async () => (home = await mkdtemp(join(tmpdir(), 'lakedesk-settings-'))));
  afterEach(() => rm(home, { recursive: true, force: true }));

  it('writes atomically and leaves no temp files behind', async () => {
    const store = new SettingsStore(home);
    await store.update((s) => ({ ...s, window: { width: 800, height: 600 } }));
    expect(JSON.parse(await readFile(join(home, 'settings.json'), 'utf8'))).toMatchObject({
      window: { width: 800 },
    });
    expect(await readdir(home)).toEqual(['settings.json']);
  });

  it('sets an unreadable file aside instead of overwriting it', async () => {
    await writeFile(join(home, 'settings.json'), '{ "workspaces": [ broken');
    const settings = await new SettingsStore(home).load();
    expect(settings.workspaces).toEqual([]);
    const files = await readdir(home);
    const aside = files.find((f) => f.startsWith('settings.json.unreadable-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(home, aside!), 'utf8')).toBe('{ "workspaces": [ broken');
  });
});
