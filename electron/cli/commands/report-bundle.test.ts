import { copyFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureLake, tempDir } from '../../core/engine/test-lakes';
import { flipByte, truncated } from '../../core/reports/bundle/test-bundles';
import { registerReportCommand } from './report';

/** Runs `lakedesk …` in-process and returns its exit code, stdout and stderr. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const program = new Command('lakedesk').exitOverride();
  registerReportCommand(program);
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
    await program.parseAsync(['node', 'lakedesk', ...args]);
    return { code: Number(process.exitCode ?? 0), out, err };
  } catch (error) {
    // commander's own usage errors (a missing required option) exit 2 in the real CLI.
    return { code: 2, out, err: `${err}${(error as Error).message}` };
  } finally {
    write.mockRestore();
    errWrite.mockRestore();
    process.exitCode = 0;
  }
}

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = await tempDir('lakedesk-cli-bundle-');
  // `report open` has no --lake: its core lives in the app home, here a throwaway one.
  process.env.LAKEDESK_HOME = join(dir, 'home');
  bundle = join(dir, 'gp.lakereport');
});

describe('lakedesk report export / open / to-xlsx / to-pdf', () => {
  it('exports the gross profit report, opens it (exit 0) and converts it', async () => {
    const exported = await run(
      'report',
      'export',
      '--report',
      'gross-profit',
      '--lake',
      fixtureLake,
      '--out',
      bundle,
    );
    expect(exported).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Wrote .*gp\.lakereport \([\d,]+ bytes\)\.\n$/),
    });
    const opened = await run('report', 'open', bundle);
    expect(opened.code).toBe(0);
    expect(opened.out).toMatch(/^Gross profit \(gross-profit\), created /);
    expect(opened.out).toContain('Table: gross_profit, 79 rows');
    expect(opened.out).toMatch(/Checksums: all \d+ members match \(SHA-256\)\./);
    const json = await run('report', 'open', bundle, '--json');
    expect(JSON.parse(json.out)).toMatchObject({
      ok: true,
      manifest: { kind: 'gross-profit' },
      integrity: { verified: true },
    });
    const xlsx = join(dir, 'gp.xlsx');
    expect((await run('report', 'to-xlsx', bundle, '--out', xlsx)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.getWorksheet('gross_profit')!;
    expect(sheet.getRow(2).getCell(6).value).toBe(2432.47);
    expect(sheet.getRow(3).getCell(10).value).toBe(142.8);
    const pdf = join(dir, 'gp.pdf');
    expect((await run('report', 'to-pdf', bundle, '--out', pdf)).code).toBe(0);
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('open exits 1 naming a changed member; a truncated bundle exits 1, a foreign file 2', async () => {
    const tampered = join(dir, 'tampered.lakereport');
    await flipByte(bundle, 'data/gross_profit.parquet', tampered);
    const open = await run('report', 'open', tampered);
    expect(open.code).toBe(1);
    expect(open.out).toContain(
      'data/gross_profit.parquet: data/gross_profit.parquet differs from its checksum',
    );
    expect(JSON.parse((await run('report', 'open', tampered, '--json')).out)).toMatchObject({ ok: false });
    const toXlsx = await run('report', 'to-xlsx', tampered, '--out', join(dir, 't.xlsx'));
    expect(toXlsx.code).toBe(1);
    expect(toXlsx.err).toContain('does not match its checksums');
    await expect(stat(join(dir, 't.xlsx'))).rejects.toThrow();
    const cut = join(dir, 'cut.lakereport');
    await truncated(bundle, cut, 0.5);
    const damaged = await run('report', 'open', cut);
    expect(damaged).toMatchObject({ code: 1, err: expect.stringContaining('cut.lakereport is damaged') });
    const foreign = join(dir, 'foreign.lakereport');
    await copyFile(join(fixtureLake, 'expected', 'gross_profit.csv'), foreign);
    expect(await run('report', 'open', foreign, '--json')).toMatchObject({ code: 2 });
  });

  it('usage errors exit 2: no source, two sources, a bad --report, a missing --out, a wrong extension', async () => {
    const out = join(dir, 'x.lakereport');
    expect((await run('report', 'export', '--lake', fixtureLake, '--out', out)).code).toBe(2);
    expect(
      (
        await run(
          'report',
          'export',
          '--report',
          'kpis',
          '--saved',
          'order-status',
          '--lake',
          fixtureLake,
          '--out',
          out,
        )
      ).code,
    ).toBe(2);
    expect(
      (await run('report', 'export', '--report', 'sales', '--lake', fixtureLake, '--out', out)).code,
    ).toBe(2);
    expect((await run('report', 'export', '--report', 'kpis', '--lake', fixtureLake)).code).toBe(2);
    const wrong = await run(
      'report',
      'export',
      '--report',
      'kpis',
      '--lake',
      fixtureLake,
      '--out',
      join(dir, 'k.zip'),
    );
    expect(wrong).toMatchObject({ code: 2, err: expect.stringContaining('must end with .lakereport') });
  });

  it('exports a saved query with parameters', async () => {
    const out = join(dir, 'top.lakereport');
    const result = await run(
      'report',
      'export',
      '--saved',
      'top-orders-in-month',
      '--param',
      'month=2025-03',
      '--lake',
      fixtureLake,
      '--out',
      out,
      '--json',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ fileName: 'top.lakereport', inDownloads: false });
    const opened = JSON.parse((await run('report', 'open', out, '--json')).out) as {
      manifest: { queries: Array<{ params: unknown }> };
    };
    expect(opened.manifest.queries[0]!.params).toEqual({ month: '2025-03' });
  });
});
