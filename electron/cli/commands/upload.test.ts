import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TransferItem } from '@shared/transfers.schema';
import { startEmulator, type Emulator } from '../../../e2e/emulator/emulator';
import { makeBilling, makeFile, sha256File } from '../../core/transfers/test-transfers';
import { registerUploadCommand } from './upload';

/** Runs `lakedesk upload …` in-process; returns exit code, stdout and stderr. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const program = new Command('lakedesk').exitOverride();
  registerUploadCommand(program);
  let out = '';
  let err = '';
  const write = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => ((out += String(chunk)), true));
  const errWrite = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    process.exitCode = 0;
    await program.parseAsync(['node', 'lakedesk', 'upload', ...args]);
    return { code: Number(process.exitCode ?? 0), out, err };
  } finally {
    write.mockRestore();
    errWrite.mockRestore();
    process.exitCode = 0;
  }
}

const FIXTURES = join(__dirname, '../../../../shared/fixtures/invalid');

describe('lakedesk upload against the emulator', () => {
  let emulator: Emulator;
  let home: string;
  let files: string;
  const saved = { ...process.env };
  const json = (out: string) => JSON.parse(out) as { ok: boolean; transfers: TransferItem[] };

  beforeAll(async () => {
    emulator = await startEmulator({ pipeline: false });
    home = await mkdtemp(join(tmpdir(), 'lakedesk-cli-upload-'));
    files = join(home, 'files');
    await mkdir(join(files, 'month'), { recursive: true });
    // This file runs in its own worker: the CLI reads process.env like it does in a shell.
    Object.assign(process.env, emulator.env, { HOME: home, LAKEDESK_HOME: join(home, 'app') });
    delete process.env.AWS_PROFILE;
  });
  afterAll(async () => {
    process.env = saved;
    await emulator.stop();
    await rm(home, { recursive: true, force: true });
  });

  it('uploads a folder and a file (exit 0, one JSON document) with the uploader recorded', async () => {
    await makeBilling(join(files, 'month', 'billing.csv'), 20);
    await makeFile(join(files, 'month', 'scan.pdf'), 2048);
    const units = join(files, 'units.csv');
    await writeFile(units, 'company_id,item_type,units_sold\n1001,Bread,5\n');
    const { code, out } = await run(
      join(files, 'month'),
      units,
      '--to',
      's3://lake-raw/drop/',
      '--profile',
      'emulator-static',
      '--json',
    );
    expect(code).toBe(0);
    const result = json(out);
    expect(result.ok).toBe(true);
    expect(result.transfers.map((t) => [t.key, t.state, t.dataset])).toEqual([
      ['drop/month/billing.csv', 'done', 'billing'],
      ['drop/month/scan.pdf', 'done', null],
      ['drop/units.csv', 'done', 'units_sold'],
    ]);
    const object = emulator.s3!.objectFile('lake-raw', 'drop/month/billing.csv');
    expect(await sha256File(object)).toBe(result.transfers[0]!.sha256);
    const meta = JSON.parse(await readFile(object.replace(/_object$/, '_metadata.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(meta).toMatchObject({
      'x-amz-meta-lakedesk-uploaded-by': 'arn:aws:iam::000000000000:user/s3rver',
      'x-amz-meta-lakedesk-dataset': 'billing',
    });
  });

  it('holds a file with findings (exit 1, findings printed); --quarantine sends it to quarantine/', async () => {
    const bad = join(files, 'billing_rule_errors.csv');
    await copyFile(join(FIXTURES, 'billing_rule_errors.csv'), bad);
    const held = await run(bad, '--to', 's3://lake-raw/drop/', '--profile', 'emulator-static');
    expect(held.code).toBe(1);
    expect(held.out).toMatch(
      /^held {6}.*billing_rule_errors\.csv: 6 finding\(s\) in billing data; not uploaded/m,
    );
    expect(held.out).toContain('line 3  product_line  enum  "Seafood"');
    const quarantined = await run(
      bad,
      '--to',
      's3://lake-raw/drop/',
      '--profile',
      'emulator-static',
      '--quarantine',
      '--kms-key',
      'alias/finance',
    );
    expect(quarantined.code).toBe(0);
    expect(quarantined.out).toContain('uploaded  s3://lake-raw/quarantine/drop/billing_rule_errors.csv');
    expect(quarantined.out).toContain('quarantined');
  });

  it('exits 2 with a clear message for a missing file or a bad destination', async () => {
    const missing = await run(
      join(files, 'nope.csv'),
      '--to',
      's3://lake-raw/',
      '--profile',
      'emulator-static',
    );
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('No such file or folder') });
    const bad = await run(join(files, 'units.csv'), '--to', 'lake-raw/x/', '--profile', 'emulator-static');
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('s3://bucket/prefix/') });
  });

  it('Ctrl+C pauses the upload; running the same command again resumes it', async () => {
    const big = await makeFile(join(files, 'big.bin'), 30 * 1024 * 1024);
    emulator.faults.add('s3', { kind: 'delay', operations: ['UploadPart'], delayMs: 150 });
    const creates = emulator.calls('s3', 'CreateMultipartUpload');
    const first = run(
      big,
      '--to',
      's3://lake-landing/',
      '--profile',
      'emulator-static',
      '--json',
      '--part-size',
      '5',
      '--concurrency',
      '1',
    );
    await vi.waitFor(() => expect(emulator.calls('s3', 'UploadPart')).toBeGreaterThan(1), {
      timeout: 10_000,
    });
    process.emit('SIGINT');
    const paused = await first;
    expect(paused.code).toBe(1);
    expect(json(paused.out).transfers[0]!.state).toBe('paused');
    emulator.faults.clear();
    const second = await run(big, '--to', 's3://lake-landing/', '--profile', 'emulator-static', '--json');
    expect(second.code).toBe(0);
    expect(json(second.out).transfers[0]).toMatchObject({
      state: 'done',
      note: expect.stringContaining('Resumed'),
    });
    expect(emulator.calls('s3', 'CreateMultipartUpload')).toBe(creates + 1);
    expect(await sha256File(emulator.s3!.objectFile('lake-landing', 'big.bin'))).toBe(await sha256File(big));
  });
});
