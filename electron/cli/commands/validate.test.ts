import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerValidateCommand } from './validate';

const fixtures = resolve(__dirname, '../../../../shared/fixtures/invalid');

/** Runs `lakedesk validate …` in-process and returns its exit code and stdout. */
async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const program = new Command('lakedesk').exitOverride();
  registerValidateCommand(program);
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const errWrite = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    process.exitCode = 0;
    await program.parseAsync(['node', 'lakedesk', 'validate', ...args]);
    return { code: Number(process.exitCode ?? 0), out };
  } finally {
    write.mockRestore();
    errWrite.mockRestore();
    process.exitCode = 0;
  }
}

describe('lakedesk validate', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lakedesk-validate-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('exits 1 and prints exactly one JSON document with the findings', async () => {
    const { code, out } = await run(
      join(fixtures, 'billing_rule_errors.csv'),
      '--dataset',
      'billing',
      '--json',
    );
    expect(code).toBe(1);
    const json = JSON.parse(out) as { ok: boolean; rows: number; errors: Array<Record<string, unknown>> };
    expect(json).toMatchObject({ ok: false, rows: 7 });
    expect(json.errors.map((e) => [e.line, e.column, e.rule, e.value])).toEqual([
      [3, 'product_line', 'enum', 'Seafood'],
      [4, 'currency', 'enum', 'EUR'],
      [5, 'bill_date', 'date', '07/01/2025'],
      [6, 'bill_amount', 'min', '-12.00'],
      [7, 'bill_amount', 'number', 'abc'],
      [8, 'id', 'required', ''],
    ]);
    expect(Object.keys(json.errors[0]!).sort()).toEqual(['column', 'line', 'message', 'rule', 'value']);
  });

  it('exits 0 for a valid file, with or without --dataset', async () => {
    expect(await run(join(fixtures, 'billing_valid.csv'), '--dataset', 'billing', '--json')).toMatchObject({
      code: 0,
    });
    const { code, out } = await run(join(fixtures, 'billing_valid.csv'));
    expect(code).toBe(0);
    expect(out).toMatch(/billing_valid\.csv: valid billing data, 2 rows, no findings/);
  });

  it('prints a table and a summary for a person', async () => {
    const { code, out } = await run(join(fixtures, 'billing_bom_crlf_ragged.csv'), '--dataset', 'billing');
    expect(code).toBe(1);
    expect(out).toMatch(/^LINE\s+COLUMN\s+RULE\s+VALUE\s+MESSAGE\n4\s+ragged\s+8 fields, expected 9/);
    expect(out).toMatch(/invalid billing data, 3 rows, 1 finding\.\n$/);
  });

  it('exits 2 for a missing file, an unknown dataset or an unrecognised header', async () => {
    expect((await run(join(dir, 'nope.csv'), '--json')).code).toBe(2);
    const unknown = await run(join(fixtures, 'billing_valid.csv'), '--dataset', 'nope', '--json');
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.out)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await writeFile(join(dir, 'x.csv'), 'a,b\n1,2\n');
    expect((await run(join(dir, 'x.csv'))).code).toBe(2);
  });

  it('uses the contracts of the lake the file is in', async () => {
    await mkdir(join(dir, '.lakedesk/datasets'), { recursive: true });
    await writeFile(
      join(dir, '.lakedesk/datasets/shipments.json'),
      JSON.stringify({
        name: 'shipments',
        defaultPrefix: 'raw/shipments/',
        columns: [{ name: 'weight_kg', type: 'decimal', min: 0 }],
      }),
    );
    await mkdir(join(dir, 'raw/shipments'), { recursive: true });
    await writeFile(join(dir, 'raw/shipments/s.csv'), 'weight_kg\n1.5\n-2\n');
    const { code, out } = await run(join(dir, 'raw/shipments/s.csv'), '--dataset', 'shipments', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ rows: 2, errors: [{ line: 3, rule: 'min' }] });
  });
});
