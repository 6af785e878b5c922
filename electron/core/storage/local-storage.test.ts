import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input, Method, Output } from '@shared/contract';
import { createCore, type Core } from '../core';

const caller = { frontDoor: 'cli' as const, trusted: true };

/** The object calls (details, download, delete, new folder) on a local lake, through the router. */
describe('storage objects in a local lake', () => {
  let home: string;
  let lake: string;
  let core: Core;
  async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const result = await core.router.call(method, input, caller);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as Output<M>;
  }

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'lakedesk-home-'));
    lake = await mkdtemp(join(tmpdir(), 'lakedesk-lake-'));
    core = createCore({ home, version: '0.0.0-test' });
    await call('workspaces.open', { kind: 'local', path: lake });
    await mkdir(join(lake, 'raw/billing'), { recursive: true });
    await writeFile(join(lake, 'raw/billing/jan.csv'), 'id,x\n1,2\n');
  });
  afterEach(async () => {
    await core.close();
    await rm(home, { recursive: true, force: true });
    await rm(lake, { recursive: true, force: true });
  });

  it('shows details and downloads a copy, whole, to the chosen path', async () => {
    expect(await call('storage.details', { path: 'raw/billing/jan.csv' })).toMatchObject({
      name: 'jan.csv',
      size: 9,
      encryption: { type: 'none' },
      metadata: {},
    });
    const to = join(home, 'out', 'copy.csv');
    await mkdir(join(home, 'out'));
    const { jobId } = await call('storage.download', { path: 'raw/billing/jan.csv', to });
    const job = await core.services.jobs.wait(jobId);
    expect(job.result).toMatchObject({ bytes: 9, verified: false });
    expect(await readFile(to, 'utf8')).toBe('id,x\n1,2\n');
    const relative = await call('storage.download', { path: 'raw/billing/jan.csv', to: 'copy.csv' });
    expect((await core.services.jobs.wait(relative.jobId)).error).toMatchObject({ code: 'BAD_INPUT' });
    expect(await readdir(join(home, 'out'))).toEqual(['copy.csv']);
  });

  it('creates folders, and deletes a folder only when asked to', async () => {
    expect(await call('storage.createFolder', { path: 'raw/units' })).toEqual({ path: 'raw/units/' });
    await expect(call('storage.delete', { path: 'raw/billing' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    await expect(call('storage.delete', { path: '../escape' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await call('storage.delete', { path: 'raw/billing/jan.csv' })).toMatchObject({ deleted: 1 });
    expect(await call('storage.delete', { path: 'raw/billing', recursive: true })).toMatchObject({
      deleted: 1,
    });
    expect((await call('storage.list', { prefix: 'raw/' })).entries.map((e) => e.path)).toEqual([
      'raw/units/',
    ]);
  });

  it('refuses transfers to S3 without an AWS workspace, saying what to do', async () => {
    await expect(
      call('transfers.enqueue', { to: 'lake-raw/', sources: [{ path: join(lake, 'raw/billing/jan.csv') }] }),
    ).rejects.toMatchObject({
      code: 'NO_WORKSPACE',
      hint: expect.stringContaining('Accounts'),
    });
  });
});
