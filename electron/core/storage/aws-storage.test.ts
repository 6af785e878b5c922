import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidationReport } from '@shared/storage.schema';
import {
  makeBilling,
  makeFile,
  sha256File,
  startTransferBed,
  type TransferBed,
} from '../transfers/test-transfers';

/** A tiny tmpfs, to see what a full disk does to a download (needs root, as on CI). */
function mountTinyDisk(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Storage calls in an AWS workspace: paths are `bucket/key…`, served by the emulator's S3. */
describe('storage on S3', () => {
  let bed: TransferBed;
  let big: string;
  const put = async (to: string, path: string) => {
    const input = {
      to,
      sources: [{ path }],
      onConflict: 'overwrite' as const,
      onFindings: 'quarantine' as const,
    };
    const { transfers } = await bed.call('transfers.enqueue', input);
    const [done] = await bed.settle(transfers.map((t) => t.id));
    expect(done!.state).toBe('done');
    return done!;
  };

  beforeAll(async () => {
    // With Glue: a finished upload names the crawlers that cover it.
    bed = await startTransferBed({ emulator: { pipeline: {} } });
    big = await makeBilling(join(bed.files, 'billing-2025.csv'), 60_000);
    await put('lake-raw/raw/billing/', big);
    for (const name of ['a.csv', 'b.csv', 'c.csv'])
      await put('lake-raw/paged/', await makeBilling(join(bed.files, name), 2));
    await put('lake-raw/paged/sub/', await makeBilling(join(bed.files, 'd.csv'), 2));
  }, 60_000);
  afterAll(() => bed?.close());

  it('lists buckets at the root, then folders and objects under a prefix, in pages', async () => {
    const root = await bed.call('storage.list', {});
    expect(root.entries.map((e) => [e.path, e.kind, e.isBucket])).toEqual([
      ['lake-curated/', 'folder', true],
      ['lake-landing/', 'folder', true],
      ['lake-raw/', 'folder', true],
    ]);
    const top = await bed.call('storage.list', { prefix: 'lake-raw/' });
    expect(top.entries.map((e) => e.path)).toEqual(['lake-raw/paged/', 'lake-raw/raw/']);
    const first = await bed.call('storage.list', { prefix: 'lake-raw/paged/', pageSize: 2 });
    expect(first.entries.map((e) => e.name)).toEqual(['a.csv', 'b.csv']);
    expect(first.nextToken).toBeDefined();
    const second = await bed.call('storage.list', {
      prefix: 'lake-raw/paged/',
      pageSize: 2,
      token: first.nextToken!,
    });
    expect(second.entries.map((e) => [e.name, e.kind])).toEqual([
      ['sub', 'folder'],
      ['c.csv', 'file'],
    ]);
    expect(second.entries[1]).toMatchObject({
      size: expect.any(Number),
      storageClass: 'STANDARD',
      etag: expect.stringMatching(/^"/),
    });
    await expect(bed.call('storage.list', { prefix: 'no-such-bucket/' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('previews a CSV object from its first bytes only, and profiles it', async () => {
    const gets = bed.emulator.calls('s3', 'GetObject');
    const preview = await bed.call('storage.preview', {
      path: 'lake-raw/raw/billing/billing-2025.csv',
      limit: 5,
    });
    expect(preview).toMatchObject({ partial: true, rows: expect.any(Array) });
    expect(preview.rows).toHaveLength(5);
    expect(preview.columns.map((c) => c.name)).toContain('bill_amount');
    expect(bed.emulator.calls('s3', 'GetObject')).toBe(gets + 1);
    const small = await bed.call('storage.preview', { path: 'lake-raw/paged/a.csv', limit: 50 });
    expect(small).toMatchObject({ partial: false });
    expect(small.rows).toHaveLength(2);
    const profile = await bed.call('storage.profile', { path: 'lake-raw/raw/billing/billing-2025.csv' });
    expect(profile).toMatchObject({ rows: 60_000 });
    expect(profile.sampledBytes).toBeUndefined();
  });

  it('previews a Parquet object', async () => {
    const file = join(bed.files, 'units.parquet');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run(
      `COPY (SELECT 'C' || range AS company_id, 'Bread' AS item_type, range AS units_sold FROM range(100)) TO '${file}' (FORMAT parquet)`,
    );
    db.closeSync();
    await put('lake-curated/units/', file);
    const preview = await bed.call('storage.preview', { path: 'lake-curated/units/units.parquet', limit: 3 });
    expect(preview.rows).toEqual([
      ['C0', 'Bread', 0],
      ['C1', 'Bread', 1],
      ['C2', 'Bread', 2],
    ]);
  });

  it('downloads with progress to the chosen path, verified against the SHA-256 recorded at upload', async () => {
    const to = join(bed.files, 'downloads', 'copy.csv');
    await mkdir(join(bed.files, 'downloads'));
    const job = await bed.job('storage.download', { path: 'lake-raw/raw/billing/billing-2025.csv', to });
    expect(job).toMatchObject({
      state: 'succeeded',
      result: { verified: true, bytes: (await readFile(big)).length },
    });
    expect(await sha256File(to)).toBe(await sha256File(big));
    const again = await bed.job('storage.download', { path: 'lake-raw/raw/billing/billing-2025.csv', to });
    expect(again.error).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('already exists'),
    });
    expect(
      (await bed.job('storage.download', { path: 'lake-raw/paged/a.csv', to, overwrite: true })).state,
    ).toBe('succeeded');
    expect(await readdir(join(bed.files, 'downloads'))).toEqual(['copy.csv']);
  });

  it.skipIf(process.getuid?.() !== 0)(
    'leaves nothing behind when the disk fills up during a download',
    async () => {
      const disk = await mkdtemp(join(tmpdir(), 'lakedesk-full-disk-'));
      expect(mountTinyDisk(disk), 'mount -t tmpfs failed (needs root)').toBe(true);
      try {
        const job = await bed.job('storage.download', {
          path: 'lake-raw/raw/billing/billing-2025.csv',
          to: join(disk, 'bills.csv'),
        });
        expect(job.error).toMatchObject({ code: 'IO', message: expect.stringContaining('disk is full') });
        expect(await readdir(disk)).toEqual([]);
      } finally {
        execFileSync('umount', [disk]);
        await rm(disk, { recursive: true, force: true });
      }
    },
  );

  it('shows details: size, storage class, encryption, metadata and ETag', async () => {
    const details = await bed.call('storage.details', { path: 'lake-raw/paged/a.csv' });
    expect(details).toMatchObject({
      name: 'a.csv',
      uri: 's3://lake-raw/paged/a.csv',
      storageClass: 'STANDARD',
      encryption: { type: 'AES256' },
      contentType: 'text/csv',
      etag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
      metadata: expect.objectContaining({ 'lakedesk-dataset': 'billing' }),
      lakedesk: expect.objectContaining({
        dataset: 'billing',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    });
    await expect(bed.call('storage.details', { path: 'lake-raw/paged/' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    await expect(bed.call('storage.details', { path: 'lake-raw/nope.csv' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('creates folders, deletes objects, and deletes a prefix only when asked to', async () => {
    expect(await bed.call('storage.createFolder', { path: 'lake-landing/new folder' })).toEqual({
      path: 'lake-landing/new folder/',
    });
    expect(
      (await bed.call('storage.list', { prefix: 'lake-landing/' })).entries.map((e) => e.path),
    ).toContain('lake-landing/new folder/');
    await put('lake-landing/new folder/', await makeFile(join(bed.files, 'x.bin'), 10));
    await expect(bed.call('storage.delete', { path: 'lake-landing/new folder/' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('prefix'),
    });
    await expect(bed.call('storage.delete', { path: 'lake-landing/new folder' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    expect(await bed.call('storage.delete', { path: 'lake-landing/new folder/x.bin' })).toMatchObject({
      deleted: 1,
    });
    await expect(bed.call('storage.delete', { path: 'lake-landing/new folder/x.bin' })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    expect(await bed.call('storage.delete', { path: 'lake-raw/paged/', recursive: true })).toMatchObject({
      deleted: 4,
    });
    expect((await bed.call('storage.list', { prefix: 'lake-raw/' })).entries.map((e) => e.path)).toEqual([
      'lake-raw/raw/',
    ]);
  });

  it('validates an S3 object with the local lake’s validator', async () => {
    await writeFile(
      join(bed.files, 'bad.csv'),
      'id,company_name,country,city,product_line,item,bill_date,currency,bill_amount\n1,A,USA,X,Fish,Bread,2025-01-01,USD,1\n',
    );
    await put('lake-landing/', join(bed.files, 'bad.csv'));
    const job = await bed.job('storage.validate', { path: 'lake-landing/quarantine/raw/billing/bad.csv' });
    expect(job.error).toBeUndefined();
    expect((job.result as ValidationReport).errors.map((f) => [f.line, f.column, f.rule])).toEqual([
      [2, 'product_line', 'enum'],
    ]);
  });

  it('names the Glue crawlers that cover a finished upload', async () => {
    const { transfers } = await bed.call('transfers.enqueue', {
      to: 'lake-raw/raw/units/',
      sources: [{ path: join(bed.files, 'd.csv') }],
    });
    const done = await bed.waitFor(
      (s) => s.transfers.find((t) => t.id === transfers[0]!.id)?.crawlers !== undefined,
    );
    expect(done.transfers.find((t) => t.id === transfers[0]!.id)).toMatchObject({
      state: 'done',
      crawlers: [{ name: 'lake-raw', s3Target: 's3://lake-raw/' }],
    });
  });

  it('explains an AccessDenied on listing with the action and the resource', async () => {
    bed.emulator.s3!.access.deny({ bucket: 'lake-curated', actions: ['s3:ListBucket'] });
    try {
      await expect(bed.call('storage.list', { prefix: 'lake-curated/' })).rejects.toMatchObject({
        code: 'AWS_ERROR',
        message: expect.stringContaining(
          's3:ListBucket on arn:aws:s3:::lake-curated for role FinanceAnalyst in finance-prod',
        ),
      });
    } finally {
      bed.emulator.s3!.access.reset();
    }
  });
});
