import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LakeCatalog } from '../catalog/lake-catalog';
import { DuckDbQueryEngine } from '../engine/duckdb-query-engine';
import { copyFixtureLake, generatedLake, readCsvFile, tempDir } from '../engine/test-lakes';
import { buildGrossProfitReport } from './gross-profit-report';
import { grossProfitCsv } from './report-csv';

const never = new AbortController().signal;
const engines: DuckDbQueryEngine[] = [];

afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});

async function reportFor(root: string) {
  const engine = await DuckDbQueryEngine.create();
  engines.push(engine);
  await new LakeCatalog(root, engine).ensure();
  return buildGrossProfitReport(engine, never);
}

async function write(root: string, path: string, text: string): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), text);
}

describe('gross profit report', () => {
  it('equals expected/gross_profit.csv and the product-line roll-up to the cent (fixture lake)', async () => {
    const root = await copyFixtureLake();
    const report = await reportFor(root);
    expect(grossProfitCsv(report.rows)).toBe(await readFile(join(root, 'expected/gross_profit.csv'), 'utf8'));
    const [, ...lines] = await readCsvFile(join(root, 'expected/gross_profit_by_product_line.csv'));
    expect(
      report.byProductLine.map((r) => [
        r.key,
        r.revenue_usd.toFixed(2),
        r.gross_profit_usd.toFixed(2),
        r.gross_margin_pct.toFixed(2),
      ]),
    ).toEqual(lines);
    const sum = (pick: (r: (typeof report.byCountry)[number]) => number) =>
      Math.round(report.byCountry.reduce((t, r) => t + pick(r) * 100, 0));
    expect(sum((r) => r.revenue_usd)).toBe(Math.round(report.totals.revenue_usd * 100));
    expect(sum((r) => r.gross_profit_usd)).toBe(Math.round(report.totals.gross_profit_usd * 100));
    expect(report.exclusions.map((e) => e.count)).toEqual([1, 0, 1, 1]);
    const monthly = Math.round(report.byMonth.reduce((t, m) => t + m.revenue_usd * 100, 0));
    expect(Math.abs(monthly - Math.round(report.totals.revenue_usd * 100))).toBeLessThanOrEqual(
      report.rows.length,
    );
    expect(report.byMonth.map((m) => m.month)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
  });

  it('leaves out and counts bills by reason (make_fixtures.py --edge), still to the cent', async () => {
    const root = await generatedLake(['--edge', '--seed', '11', '--companies', '60', '--bills', '900']);
    const report = await reportFor(root);
    expect(report.exclusions).toEqual([
      { reason: 'missing id', count: 1 },
      { reason: 'unknown currency', count: 0 },
      { reason: 'no production_costs row for the item', count: 1 },
      { reason: 'no units_sold row for (company, item)', count: 1 },
    ]);
    expect(grossProfitCsv(report.rows)).toBe(await readFile(join(root, 'expected/gross_profit.csv'), 'utf8'));
  });

  it('uses the lake currency_rates when it has one, and counts unknown currencies', async () => {
    const root = await tempDir();
    await write(
      root,
      'billing/b.csv',
      'id,company_name,country,city,product_line,item,bill_date,currency,bill_amount\n' +
        '1,A,Canada,Toronto,Bakery,Bread,2025-01-05,CAD,100.00\n1,A,Canada,Toronto,Bakery,Bread,2025-01-06,EUR,50.00\n',
    );
    await write(root, 'units_sold/u.csv', 'company_id,item_type,units_sold\n1,Bread,10\n');
    await write(root, 'production_costs/p.csv', 'item,cost_per_unit_usd\nBread,0.42\n');
    await write(root, 'currency_rates/r.csv', 'currency,rate_to_usd\nCAD,0.7312\n');
    const report = await reportFor(root);
    expect(report.rows).toMatchObject([
      { id: '1', revenue_usd: 73.12, cogs_usd: 4.2, gross_profit_usd: 68.92 },
    ]);
    expect(report.exclusions.find((e) => e.reason === 'unknown currency')?.count).toBe(1);
  });

  it('rounds the margin half-up exactly at a tie (18.125 % → 18.13, where floating point says 18.12)', async () => {
    const root = await tempDir();
    await write(
      root,
      'billing/b.csv',
      'id,company_name,country,city,product_line,item,bill_date,currency,bill_amount\n' +
        '7,T,USA,Austin,Meat,Beef,2025-02-01,USD,102.40\n',
    );
    await write(root, 'units_sold/u.csv', 'company_id,item_type,units_sold\n7,Beef,1\n');
    await write(root, 'production_costs/p.csv', 'item,cost_per_unit_usd\nBeef,83.84\n');
    const report = await reportFor(root);
    expect(report.rows).toMatchObject([
      { revenue_usd: 102.4, gross_profit_usd: 18.56, gross_margin_pct: 18.13 },
    ]);
    expect(report.totals.gross_margin_pct).toBe(18.13);
  });
});
