import { appendFile, copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BILLING_HEADER,
  makeBilling,
  makeFile,
  sha256File,
  startTransferBed,
  type TransferBed,
} from './test-transfers';

const FIXTURES = join(__dirname, '../../../../shared/fixtures/invalid');

/**
 * The queue against the emulator's S3 (s3rver behind the fault proxy), through the router as the
 * UI calls it: preflight, datasets and keys, conflicts, encryption, metadata, and bad input.
 */
describe('transfers to S3', () => {
  let bed: TransferBed;
  const enqueue = (input: Parameters<TransferBed['call']>[1] & object) =>
    bed.call('transfers.enqueue', input as never);
  const upload = async (input: object) => {
    const { transfers } = await enqueue(input);
    return bed.settle(transfers.map((t) => t.id));
  };

  beforeAll(async () => {
    bed = await startTransferBed();
  }, 30_000);
  afterAll(() => bed?.close());

  it('uploads 0-byte, 1 KB and 40 MB files with their SHA-256, dataset and uploader in metadata', async () => {
    const empty = join(bed.files, 'empty.csv');
    await writeFile(empty, '');
    const small = await makeBilling(join(bed.files, 'billing-jan.csv'), 12);
    const big = await makeFile(join(bed.files, 'ledger.bin'), 40 * 1024 * 1024);
    const [e, s, b] = await upload({
      to: 'lake-landing/',
      sources: [{ path: empty }, { path: small }, { path: big }],
    });
    expect([e!.state, s!.state, b!.state]).toEqual(['done', 'done', 'done']);
    expect(e).toMatchObject({ key: 'empty.csv', size: 0, note: expect.stringContaining('Empty file') });
    expect(s).toMatchObject({
      key: 'raw/billing/billing-jan.csv',
      dataset: 'billing',
      rows: 12,
      findingCount: 0,
    });
    expect(b).toMatchObject({
      key: 'ledger.bin',
      parts: { done: 5, total: 5 },
      note: expect.stringContaining('Not a CSV'),
    });
    for (const [item, path] of [
      [e!, empty],
      [s!, small],
      [b!, big],
    ] as const) {
      const sha = await sha256File(path);
      expect(item.sha256).toBe(sha);
      expect(await sha256File(bed.emulator.s3!.objectFile('lake-landing', item.key))).toBe(sha);
    }
    const details = await bed.call('storage.details', { path: 'lake-landing/raw/billing/billing-jan.csv' });
    expect(details.lakedesk).toMatchObject({
      sha256: s!.sha256,
      dataset: 'billing',
      sourceName: 'billing-jan.csv',
      uploadedBy: expect.stringContaining(':assumed-role/AWSReservedSSO_FinanceAnalyst_'),
    });
    expect(details).toMatchObject({ contentType: 'text/csv', size: (await readFile(small)).length });
  });

  it('proposes keys from a template and keeps a dropped folder’s structure', async () => {
    const dir = join(bed.files, '2025-03');
    await mkdir(join(dir, 'eu'), { recursive: true });
    await makeBilling(join(dir, 'eu', 'march.csv'), 3, '03');
    await writeFile(join(dir, 'notes.txt'), 'hello');
    await writeFile(join(dir, '.DS_Store'), 'x');
    const template = 'raw/{dataset}/year={yyyy}/month={mm}/';
    const { files } = await bed.call('transfers.inspect', {
      to: 'lake-raw/',
      template: 'raw/billing/year={yyyy}/month={mm}/',
      sources: [{ path: dir }],
    });
    const [yyyy, mm] = new Date().toISOString().slice(0, 7).split('-');
    expect(files.map((f) => [f.name, f.dataset, f.key])).toEqual([
      ['march.csv', 'billing', 'raw/billing/year=2025/month=03/2025-03/eu/march.csv'],
      ['notes.txt', null, `raw/billing/year=${yyyy}/month=${mm}/2025-03/notes.txt`],
    ]);
    await expect(
      bed.call('transfers.inspect', {
        to: 'lake-raw/',
        template,
        sources: [{ path: join(dir, 'notes.txt') }],
      }),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('{dataset}'),
    });
  });

  it('holds a file with findings; quarantine puts it under quarantine/, a fixed file passes a recheck', async () => {
    const bad = join(bed.files, 'billing_rule_errors.csv');
    await copyFile(join(FIXTURES, 'billing_rule_errors.csv'), bad);
    const [held] = await upload({ to: 'lake-raw/', sources: [{ path: bad }] });
    expect(held).toMatchObject({ state: 'held', dataset: 'billing', findingCount: 6 });
    expect(held!.findings.map((f) => [f.line, f.column, f.rule])).toContainEqual([3, 'product_line', 'enum']);
    expect((await bed.call('transfers.findings', { id: held!.id })).findings).toHaveLength(6);
    expect(await bed.call('transfers.listIncomplete', { bucket: 'lake-raw' })).toEqual({ uploads: [] });
    await bed.call('transfers.resolve', { ids: [held!.id], action: 'quarantine' });
    const [quarantined] = await bed.settle([held!.id]);
    expect(quarantined).toMatchObject({
      state: 'done',
      quarantined: true,
      key: 'quarantine/raw/billing/billing_rule_errors.csv',
    });

    const fixable = join(bed.files, 'fixable.csv');
    await writeFile(fixable, `${BILLING_HEADER}\n1001,Acme,USA,Chicago,Fish,Bread,2025-01-05,USD,1.00\n`);
    const [second] = await upload({ to: 'lake-raw/', sources: [{ path: fixable }] });
    expect(second!.state).toBe('held');
    await writeFile(fixable, `${BILLING_HEADER}\n1001,Acme,USA,Chicago,Bakery,Bread,2025-01-05,USD,1.00\n`);
    await bed.call('transfers.resolve', { ids: [second!.id], action: 'recheck' });
    const [fixed] = await bed.settle([second!.id]);
    expect(fixed).toMatchObject({ state: 'done', findingCount: 0, key: 'raw/billing/fixable.csv' });
  });

  it('skips an identical object; asks about a different one, then keeps both or overwrites', async () => {
    const file = await makeBilling(join(bed.files, 'units.csv'), 5);
    const [first] = await upload({ to: 'lake-curated/in/', sources: [{ path: file }] });
    expect(first!.state).toBe('done');
    const [again] = await upload({
      to: 'lake-curated/in/',
      sources: [{ path: file }],
      onConflict: 'overwrite',
    });
    expect(again).toMatchObject({ state: 'skipped', conflict: { sameContent: true } });
    await appendFile(file, '1002,Other,USA,Chicago,Dairy,Milk,2025-01-09,USD,3.00\n');
    const [asked] = await upload({ to: 'lake-curated/in/', sources: [{ path: file }] });
    expect(asked).toMatchObject({ state: 'conflict', conflict: { sameContent: false, size: first!.size } });
    await bed.call('transfers.resolve', { ids: [asked!.id], action: 'keepBoth' });
    const [kept] = await bed.settle([asked!.id]);
    expect(kept).toMatchObject({ state: 'done', key: 'in/units (2).csv' });
    await appendFile(file, '1003,Third,USA,Chicago,Dairy,Milk,2025-01-09,USD,3.00\n');
    const [over] = await upload({
      to: 'lake-curated/in/',
      sources: [{ path: file }],
      onConflict: 'overwrite',
    });
    expect(over).toMatchObject({ state: 'done', key: 'in/units.csv' });
    expect(await sha256File(bed.emulator.s3!.objectFile('lake-curated', 'in/units.csv'))).toBe(
      await sha256File(file),
    );
  });

  it('encrypts with SSE-KMS or SSE-S3 as chosen, and says plainly when a KMS key id is wrong', async () => {
    const file = await makeBilling(join(bed.files, 'kms.csv'), 2);
    await upload({
      to: 'lake-landing/kms/',
      sources: [{ path: file }],
      encryption: { mode: 'sse-kms', kmsKeyId: 'alias/finance-lake' },
    });
    const kms = await bed.call('storage.details', { path: 'lake-landing/kms/kms.csv' });
    expect(kms.encryption).toEqual({ type: 'aws:kms', kmsKeyId: 'alias/finance-lake' });
    await upload({ to: 'lake-landing/sse/', sources: [{ path: file }], encryption: { mode: 'sse-s3' } });
    expect((await bed.call('storage.details', { path: 'lake-landing/sse/kms.csv' })).encryption).toEqual({
      type: 'AES256',
    });
    const [failed] = await upload({
      to: 'lake-landing/bad/',
      sources: [{ path: file }],
      encryption: { mode: 'sse-kms', kmsKeyId: 'not a key' },
    });
    expect(failed).toMatchObject({
      state: 'failed',
      error: { code: 'BAD_INPUT', message: expect.stringContaining('KMS key') },
    });
  });

  it('uploads keys with spaces and Unicode; refuses ".." before queueing anything', async () => {
    const name = 'Ventes été 2025 – 東京.csv';
    const file = join(bed.files, name);
    await writeFile(file, 'a,b\n1,2\n');
    const [done] = await upload({ to: 'lake-landing/unicode dir/', sources: [{ path: file }] });
    expect(done).toMatchObject({ state: 'done', key: `unicode dir/${name}` });
    const listing = await bed.call('storage.list', { prefix: 'lake-landing/unicode dir/' });
    expect(listing.entries.map((e) => e.name)).toEqual([name]);
    expect(
      (await bed.call('storage.details', { path: `lake-landing/unicode dir/${name}` })).lakedesk?.sourceName,
    ).toBe(name);
    const before = (await bed.call('transfers.list', {})).transfers.length;
    await expect(
      enqueue({ to: 'lake-landing/', sources: [{ path: file, key: 'raw/../secret.csv' }] }),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('".."'),
    });
    await expect(enqueue({ to: 'lake-landing/a//b/', sources: [{ path: file }] })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    expect((await bed.call('transfers.list', {})).transfers.length).toBe(before);
  });

  it('explains AccessDenied with the action and the resource, and leaves no upload behind', async () => {
    bed.emulator.s3!.access.deny({ bucket: 'lake-curated', prefix: 'locked/', actions: ['s3:PutObject'] });
    const file = await makeFile(join(bed.files, 'locked.bin'), 12 * 1024 * 1024);
    const [denied] = await upload({ to: 'lake-curated/locked/', sources: [{ path: file }] });
    expect(denied).toMatchObject({ state: 'failed', error: { code: 'AWS_ERROR' } });
    expect(denied!.error!.message).toContain('s3:PutObject on arn:aws:s3:::lake-curated/locked/locked.bin');
    expect(denied!.error!.message).toContain('role FinanceAnalyst in finance-prod');
    expect(denied!.error!.hint).toContain('Ask your AWS administrator');
    expect((await bed.call('transfers.listIncomplete', { bucket: 'lake-curated' })).uploads).toEqual([]);
    bed.emulator.s3!.access.reset();
  });

  it('fails clearly when the source vanishes or changes during the upload, aborting its multipart upload', async () => {
    await expect(
      enqueue({ to: 'lake-landing/', sources: [{ path: join(bed.files, 'nope.csv') }] }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('nope.csv'),
    });
    // One part at a time, each held back, so the file is touched while parts are still to go.
    await bed.call('transfers.setOptions', { concurrency: 1 });
    bed.emulator.faults.add('s3', { kind: 'delay', operations: ['UploadPart'], delayMs: 300 });
    const file = await makeFile(join(bed.files, 'growing.bin'), 24 * 1024 * 1024);
    const { transfers } = await enqueue({ to: 'lake-landing/', sources: [{ path: file }] });
    await bed.waitFor((s) => (s.transfers.find((t) => t.id === transfers[0]!.id)?.bytesDone ?? 0) > 0);
    await appendFile(file, 'more bytes');
    const [changed] = await bed.settle([transfers[0]!.id]);
    expect(changed).toMatchObject({
      state: 'failed',
      error: {
        code: 'INVALID_DATA',
        message: expect.stringContaining('changed while it was being uploaded'),
      },
    });
    expect((await bed.call('transfers.listIncomplete', { bucket: 'lake-landing' })).uploads).toEqual([]);
    const gone = await makeFile(join(bed.files, 'gone.bin'), 24 * 1024 * 1024);
    const second = await enqueue({ to: 'lake-landing/', sources: [{ path: gone }] });
    await bed.waitFor((s) => (s.transfers.find((t) => t.id === second.transfers[0]!.id)?.bytesDone ?? 0) > 0);
    await rm(gone);
    const [vanished] = await bed.settle([second.transfers[0]!.id]);
    expect(vanished).toMatchObject({
      state: 'failed',
      error: { code: 'NOT_FOUND', message: expect.stringContaining('vanished') },
    });
    bed.emulator.faults.clear('s3');
    await bed.call('transfers.setOptions', { concurrency: 4 });
    expect((await bed.call('transfers.listIncomplete', { bucket: 'lake-landing' })).uploads).toEqual([]);
  });

  it('takes small files as bytes (browser mode) and uploads them like dropped files', async () => {
    const csv = `${BILLING_HEADER}\n1001,Acme,USA,Chicago,Bakery,Bread,2025-02-05,USD,1.00\n`;
    const [sent] = await upload({
      to: 'lake-raw/',
      template: 'raw/{dataset}/year={yyyy}/month={mm}/',
      sources: [{ name: 'feb.csv', dataBase64: Buffer.from(csv).toString('base64') }],
    });
    expect(sent).toMatchObject({
      state: 'done',
      source: '(uploaded) feb.csv',
      key: 'raw/billing/year=2025/month=02/feb.csv',
    });
    expect(await readFile(bed.emulator.s3!.objectFile('lake-raw', sent!.key), 'utf8')).toBe(csv);
  });
});
