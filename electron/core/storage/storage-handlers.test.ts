import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input, JobMethod, JobResult, Method, Output } from '@shared/contract';
import { createCore, type Core } from '../core';

const caller = { frontDoor: 'cli' as const, trusted: true };
const HEADER = 'id,company_name,country,city,product_line,item,bill_date,currency,bill_amount';
const GOOD = `${HEADER}\n1001,Acme,USA,Chicago,Bakery,Bread,2025-01-05,USD,1.00\n`;
const BAD = `${HEADER}\n1001,Acme,USA,Chicago,Fish,Bread,2025-01-05,USD,1.00\n`;
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('storage file handlers (through the router)', () => {
  let home: string;
  let lake: string;
  let core: Core;

  async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const result = await core.router.call(method, input, caller);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as Output<M>;
  }
  async function job<M extends JobMethod>(method: M, input: Input<M>): Promise<JobResult<M>> {
    const { jobId } = (await call(method, input)) as { jobId: string };
    const done = await core.services.jobs.wait(jobId);
    if (done.state !== 'succeeded') throw Object.assign(new Error(done.error?.message), done.error);
    return done.result as JobResult<M>;
  }

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'lakedesk-home-'));
    lake = await mkdtemp(join(tmpdir(), 'lakedesk-lake-'));
    core = createCore({ home, version: '0.0.0-test' });
    await call('workspaces.open', { kind: 'local', path: lake });
  });
  afterEach(async () => {
    await core.close();
    await rm(home, { recursive: true, force: true });
    await rm(lake, { recursive: true, force: true });
  });

  it('lists folders first, hides dot entries, and gives folder paths a trailing slash', async () => {
    await mkdir(join(lake, 'raw/billing'), { recursive: true });
    await mkdir(join(lake, '.lakedesk'));
    await writeFile(join(lake, 'a.csv'), 'x');
    await writeFile(join(lake, '.hidden'), 'x');
    await writeFile(join(lake, 'raw/billing/b.csv'), 'abc');
    const root = await call('storage.list', {});
    expect(root.entries.map((e) => [e.name, e.kind, e.path])).toEqual([
      ['raw', 'folder', 'raw/'],
      ['a.csv', 'file', 'a.csv'],
    ]);
    const billing = await call('storage.list', { prefix: 'raw/billing/' });
    expect(billing).toMatchObject({
      prefix: 'raw/billing/',
      entries: [{ name: 'b.csv', path: 'raw/billing/b.csv', size: 3 }],
    });
  });

  it('refuses paths that escape the lake, including through a symlink', async () => {
    for (const prefix of ['..', '../..', 'raw/../../x', '/etc']) {
      await expect(call('storage.list', { prefix })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    }
    const outside = await mkdtemp(join(tmpdir(), 'lakedesk-outside-'));
    await symlink(outside, join(lake, 'escape'));
    await expect(call('storage.list', { prefix: 'escape' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(
      job('storage.importFiles', { prefix: 'escape', files: [{ name: 'x.txt', dataBase64: b64('x') }] }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await readdir(outside)).toEqual([]);
    await rm(outside, { recursive: true });
  });

  it('lists built-in datasets plus the workspace’s own, and names a broken contract file', async () => {
    const dir = join(lake, '.lakedesk/datasets');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'shipments.json'),
      JSON.stringify({
        name: 'shipments',
        defaultPrefix: 'raw/shipments/',
        columns: [{ name: 'shipment_id', type: 'string', required: true }],
      }),
    );
    const names = (await call('storage.listDatasets', {})).map((d) => d.name);
    expect(names).toEqual([
      'billing',
      'units_sold',
      'production_costs',
      'currency_rates',
      'orders',
      'shipments',
    ]);
    await writeFile(join(dir, 'broken.json'), JSON.stringify({ name: 'Bad Name', columns: [] }));
    await expect(call('storage.listDatasets', {})).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('broken.json'),
    });
  });

  it('validates a lake file as a job, recognising the dataset from its header', async () => {
    await writeFile(join(lake, 'bills.csv'), BAD);
    const report = await job('storage.validate', { path: 'bills.csv' });
    expect(report).toMatchObject({
      ok: false,
      rows: 1,
      dataset: 'billing',
      errors: [{ line: 2, column: 'product_line', rule: 'enum', value: 'Fish' }],
    });
    await writeFile(join(lake, 'other.csv'), 'a,b\n1,2\n');
    await expect(job('storage.validate', { path: 'other.csv' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(job('storage.validate', { path: 'bills.csv', dataset: 'nope' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    await expect(job('storage.validate', { path: 'missing.csv' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('cancels a validation when its job is cancelled', async () => {
    const rows = Array.from(
      { length: 200_000 },
      (_, i) => `${i},Acme,USA,Chicago,Bakery,Bread,2025-01-05,USD,1.00`,
    );
    await writeFile(join(lake, 'big.csv'), `${HEADER}\n${rows.join('\n')}\n`);
    const { jobId } = await call('storage.validate', { path: 'big.csv' });
    core.services.jobs.cancel(jobId);
    expect((await core.services.jobs.wait(jobId)).state).toBe('cancelled');
  });

  it('imports valid files, keeps both on a name clash, and copies non-CSV files as they are', async () => {
    await mkdir(join(lake, 'raw/billing'), { recursive: true });
    await writeFile(join(lake, 'raw/billing/billing.csv'), 'old');
    const result = await job('storage.importFiles', {
      prefix: 'raw/billing',
      files: [
        { name: 'billing.csv', dataBase64: b64(GOOD) },
        { name: 'billing.csv', dataBase64: b64(GOOD) },
        { name: 'notes.txt', dataBase64: b64('hello') },
      ],
    });
    expect(result.files.map((f) => [f.status, f.path, f.dataset])).toEqual([
      ['imported', 'raw/billing/billing (2).csv', 'billing'],
      ['imported', 'raw/billing/billing (3).csv', 'billing'],
      ['imported', 'raw/billing/notes.txt', null],
    ]);
    expect(await readFile(join(lake, 'raw/billing/billing.csv'), 'utf8')).toBe('old');
    expect(await readFile(join(lake, 'raw/billing/billing (2).csv'), 'utf8')).toBe(GOOD);
    expect((await readdir(join(lake, 'raw/billing'))).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('holds, skips or quarantines a file with findings, never writing it among valid data', async () => {
    const files = [{ name: 'bad.csv', dataBase64: b64(BAD) }];
    const held = await job('storage.importFiles', { prefix: 'raw/billing', files });
    expect(held.files[0]).toMatchObject({
      status: 'held',
      path: 'raw/billing/bad.csv',
      findingCount: 1,
      findings: [{ rule: 'enum' }],
    });
    const skipped = await job('storage.importFiles', { prefix: 'raw/billing', files, onFindings: 'skip' });
    expect(skipped.files[0]).toMatchObject({ status: 'skipped' });
    await expect(readdir(join(lake, 'raw/billing'))).rejects.toMatchObject({ code: 'ENOENT' });
    const quarantined = await job('storage.importFiles', {
      prefix: 'raw/billing',
      files,
      onFindings: 'quarantine',
    });
    expect(quarantined.files[0]).toMatchObject({
      status: 'quarantined',
      path: 'quarantine/raw/billing/bad.csv',
    });
    expect(await readFile(join(lake, 'quarantine/raw/billing/bad.csv'), 'utf8')).toBe(BAD);
  });

  it('refuses a file name with a folder in it before writing anything', async () => {
    const files = [
      { name: 'ok.txt', dataBase64: b64('x') },
      { name: '../evil.txt', dataBase64: b64('x') },
    ];
    await expect(job('storage.importFiles', { prefix: '', files })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    expect(await readdir(lake)).toEqual([]);
  });
});
