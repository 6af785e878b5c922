import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../engine/test-lakes';
import { grossProfitCode } from './gross-profit-step';

const run = promisify(execFile);

/** The PySpark job's own tests (stdlib unittest, Spark stubbed), run from here so `npm test` covers them. */
describe('pyspark/gross_profit.py', () => {
  it('passes its unittest suite (arguments, SQL loading, the Spark calls)', async () => {
    const { stderr } = await run('python3', ['-B', '-m', 'unittest', 'discover', '-s', 'pyspark', '-v'], {
      cwd: repoRoot,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    expect(stderr).toMatch(/\nOK\s*$/);
  });

  it('prints its usage with --help and exits 2 on a bad argument, without Spark installed', async () => {
    const script = join(repoRoot, 'pyspark/gross_profit.py');
    expect((await run('python3', ['-B', script, '--help'])).stdout).toContain('--currency-rates');
    await expect(run('python3', ['-B', script, '--database', 'lake'])).rejects.toMatchObject({ code: 2 });
  });

  it('is uploaded with the very SQL files the local engine runs', async () => {
    const { readFile } = await import('node:fs/promises');
    const code = grossProfitCode();
    expect(code.map((f) => f.name)).toEqual([
      'gross_profit.py',
      'gross-profit.sql',
      'gross-profit-notes.sql',
    ]);
    expect(code[0]!.text).toBe(await readFile(join(repoRoot, 'pyspark/gross_profit.py'), 'utf8'));
    expect(code[1]!.text).toBe(await readFile(join(repoRoot, 'shared/sql/gross-profit.sql'), 'utf8'));
    expect(code[2]!.text).toBe(await readFile(join(repoRoot, 'shared/sql/gross-profit-notes.sql'), 'utf8'));
  });
});
