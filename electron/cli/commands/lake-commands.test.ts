import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { copyFixtureLake, fixtureLake, readCsvFile, tempDir } from '../../core/engine/test-lakes';
import { registerCrawlCommand } from './crawl';
import { registerJobCommand } from './job';
import { registerQueryCommand } from './query';
import { registerReportCommand } from './report';

/** Runs `lakedesk …` in-process and returns its exit code, stdout and stderr. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const program = new Command('lakedesk').exitOverride();
  for (const register of [
    registerCrawlCommand,
    registerQueryCommand,
    registerReportCommand,
    registerJobCommand,
  ])
    register(program);
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
  } finally {
    write.mockRestore();
    errWrite.mockRestore();
    process.exitCode = 0;
  }
}

const expected = (file: string) => readFile(join(fixtureLake, 'expected', file), 'utf8');

describe('lakedesk query, report, crawl and job commands', () => {
  it('query run --saved prints the expected CSV exactly; --out writes it; --param binds', async () => {
    const sales = await run('query', 'run', '--lake', fixtureLake, '--saved', 'total-sales-by-customer');
    expect(sales).toMatchObject({ code: 0, out: await expected('total_sales_by_customer.csv') });
    const out = join(await tempDir(), 'top.csv');
    const top = await run(
      'query',
      'run',
      '--lake',
      fixtureLake,
      '--saved',
      'top-orders-in-month',
      '--param',
      'month=2025-02',
      '--out',
      out,
    );
    expect(top.code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(await expected('top10_orders_2025_02.csv'));
  });

  it('query run: a failed query exits 1, a usage error 2, and --json errors are one JSON document', async () => {
    const syntax = await run('query', 'run', '--lake', fixtureLake, '--sql', 'SELECT FROM WHERE', '--json');
    expect(syntax.code).toBe(1);
    expect(JSON.parse(syntax.out)).toMatchObject({ ok: false, error: { code: 'QUERY_FAILED' } });
    expect((await run('query', 'run', '--lake', fixtureLake)).code).toBe(2);
    expect(
      (await run('query', 'run', '--lake', fixtureLake, '--saved', 'top-orders-in-month', '--param', 'month'))
        .code,
    ).toBe(2);
  });

  it('query run --format json keeps decimals exact', async () => {
    const { code, out } = await run(
      'query',
      'run',
      '--lake',
      fixtureLake,
      '--sql',
      'SELECT CAST(142.8 AS DECIMAL(18,2)) AS x',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    expect(out).toBe('[\n  {"x":142.80}\n]\n');
  });

  it('report gross-profit prints expected/gross_profit.csv exactly', async () => {
    const { code, out } = await run('report', 'gross-profit', '--lake', fixtureLake);
    expect(code).toBe(0);
    expect(out).toBe(await expected('gross_profit.csv'));
  });

  it('crawl reports tables and problems; job run writes processed/ and curated/', async () => {
    const lake = await copyFixtureLake();
    const crawl = await run('crawl', '--lake', lake, '--json');
    expect(JSON.parse(crawl.out)).toMatchObject({
      tables: 4,
      tablesCreated: ['billing', 'orders', 'production_costs', 'units_sold'],
    });
    expect((await run('crawl', '--lake', lake, '--strict')).code).toBe(1);
    const orders = await run(
      'job',
      'run',
      'process-orders',
      '--lake',
      lake,
      '--older-than-days',
      '0',
      '--json',
    );
    expect(orders.code).toBe(0);
    const counts = (JSON.parse(orders.out) as { counts: Record<string, number> }).counts;
    expect(counts.kept! + counts.filtered!).toBe(600);
    expect((await readCsvFile(join(lake, 'processed/orders/orders.csv'))).length - 1).toBe(counts.kept);
    const gross = await run('job', 'run', 'gross-profit', '--lake', lake);
    expect(gross.out).toMatch(/^gross-profit succeeded .*rows 79 → curated\/gross_profit\/gross_profit.csv/);
    expect(await readFile(join(lake, 'curated/gross_profit/gross_profit.csv'), 'utf8')).toBe(
      await expected('gross_profit.csv'),
    );
    expect((await run('job', 'run', 'nightly', '--lake', lake)).code).toBe(2);
  });
});
