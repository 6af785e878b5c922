import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoCommand } from './demo';

describe('lakedesk demo', () => {
  let dir: string;
  let out: string;
  let err: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lakedesk-demo-'));
    vi.stubEnv('LAKEDESK_HOME', join(dir, 'home'));
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    process.exitCode = 0;
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a sample lake and says where', async () => {
    await demoCommand(join(dir, 'lake'), {});
    expect(process.exitCode ?? 0).toBe(0);
    expect(out).toContain(`Created a sample lake in ${join(dir, 'lake')}`);
    expect(await readdir(join(dir, 'lake', 'raw'))).toEqual([
      'billing',
      'currency_rates',
      'orders',
      'production_costs',
      'units_sold',
    ]);
  });

  it('refuses a non-empty folder with exit 2 and a hint', async () => {
    await mkdir(join(dir, 'full'));
    await writeFile(join(dir, 'full', 'mine.txt'), 'x');
    await demoCommand(join(dir, 'full'), {});
    expect(process.exitCode).toBe(2);
    expect(err).toMatch(/not empty[\s\S]*hint: /);
    expect(await readdir(join(dir, 'full'))).toEqual(['mine.txt']);
  });

  it('prints one JSON document with --json', async () => {
    await demoCommand(join(dir, 'j'), { json: true, seed: '3' });
    expect(JSON.parse(out)).toMatchObject({
      ok: true,
      path: join(dir, 'j'),
      files: expect.arrayContaining(['raw/orders/orders.csv']),
    });
  });
});
