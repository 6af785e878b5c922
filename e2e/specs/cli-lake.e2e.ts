import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The built `lakedesk` command (npm run test:e2e builds first), run as a person runs it.
const repoRoot = resolve(__dirname, '..', '..');
const lake = resolve(repoRoot, '../shared/fixtures/lake');
const run = promisify(execFile);

async function lakedesk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const home = await mkdtemp(join(tmpdir(), 'lakedesk-e2e-home-'));
  const env = { ...process.env, LAKEDESK_HOME: home };
  try {
    const { stdout, stderr } = await run('node', [join(repoRoot, 'bin/lakedesk.js'), ...args], {
      env,
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const expected = (file: string) => readFile(join(lake, 'expected', file), 'utf8');

describe('lakedesk CLI on the fixture lake', () => {
  it('report gross-profit equals expected/gross_profit.csv byte for byte', async () => {
    const { code, stdout } = await lakedesk('report', 'gross-profit', '--lake', lake);
    expect(code).toBe(0);
    expect(stdout).toBe(await expected('gross_profit.csv'));
  });

  it.each([
    ['total-sales-by-customer', 'total_sales_by_customer.csv'],
    ['monthly-order-volume', 'monthly_order_volume.csv'],
    ['order-status', 'order_status.csv'],
    ['average-order-value', 'average_order_value.csv'],
  ])('query run --saved %s equals expected/%s', async (saved, file) => {
    const { code, stdout } = await lakedesk('query', 'run', '--lake', lake, '--saved', saved);
    expect(code).toBe(0);
    expect(stdout).toBe(await expected(file));
  });

  it('query run --out writes the file; a syntax error exits 1 naming the position', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'lakedesk-e2e-')), 'top.csv');
    const args = [
      'query',
      'run',
      '--lake',
      lake,
      '--saved',
      'top-orders-in-month',
      '--param',
      'month=2025-02',
    ];
    expect((await lakedesk(...args, '--out', out)).code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(await expected('top10_orders_2025_02.csv'));
    const failed = await lakedesk('query', 'run', '--lake', lake, '--sql', 'SELECT * FROM orders WHERE');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/Syntax error \(line 1, column \d+\)/);
  });

  it('job run process-orders and gross-profit write into a copy of the lake', async () => {
    const copy = join(await mkdtemp(join(tmpdir(), 'lakedesk-e2e-')), 'lake');
    await cp(lake, copy, { recursive: true, mode: 0 });
    await run('chmod', ['-R', 'u+w', copy]);
    const orders = await lakedesk('job', 'run', 'process-orders', '--lake', copy, '--json');
    expect(orders.code).toBe(0);
    expect(JSON.parse(orders.stdout)).toMatchObject({
      state: 'succeeded',
      outputs: ['processed/orders/orders.csv'],
    });
    expect((await lakedesk('job', 'run', 'gross-profit', '--lake', copy)).code).toBe(0);
    expect(await readFile(join(copy, 'curated/gross_profit/gross_profit.csv'), 'utf8')).toBe(
      await expected('gross_profit.csv'),
    );
  });
});
