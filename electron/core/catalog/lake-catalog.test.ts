import { chmod, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbQueryEngine } from '../engine/duckdb-query-engine';
import { copyFixtureLake, tempDir } from '../engine/test-lakes';
import { catalogPath } from './catalog-store';
import { LakeCatalog } from './lake-catalog';

let engine: DuckDbQueryEngine;

beforeAll(async () => {
  engine = await DuckDbQueryEngine.create();
});
afterAll(async () => {
  await engine.close();
});

async function write(root: string, path: string, text: string): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), text);
}

async function count(table: string): Promise<number> {
  const { rows } = await engine.query(`SELECT count(*) FROM ${table}`);
  return Number(rows[0]![0]);
}

describe('LakeCatalog', () => {
  it('crawls the fixture lake: one table per folder, mixed schemas reported, catalog saved', async () => {
    const root = await copyFixtureLake();
    const catalog = new LakeCatalog(root, engine);
    const result = await catalog.crawl();
    expect(result.tablesCreated).toEqual(['billing', 'orders', 'production_costs', 'units_sold']);
    expect(result.tables).toBe(4);
    expect(result.problems).toEqual([
      { location: 'expected/', message: expect.stringMatching(/^Mixed schemas: /) },
    ]);
    const billing = catalog.snapshot().tables.find((t) => t.name === 'billing')!;
    expect(billing).toMatchObject({ location: 'billing/', format: 'csv', partitionKeys: [], files: 1 });
    expect(billing.columns.map((c) => c.name)).toEqual([
      'id',
      'company_name',
      'country',
      'city',
      'product_line',
      'item',
      'bill_date',
      'currency',
      'bill_amount',
    ]);
    expect(billing.columns.find((c) => c.name === 'bill_date')?.type).toBe('DATE');
    expect(await count('billing')).toBe(243);
    expect((await stat(catalogPath(root))).isFile()).toBe(true);
    const again = await catalog.crawl();
    expect([again.tablesCreated, again.tablesUpdated, again.tablesDeleted]).toEqual([[], [], []]);
  });

  it('reports created, updated (schema changed) and deleted tables on a re-crawl', async () => {
    const root = await copyFixtureLake();
    await new LakeCatalog(root, engine).crawl();
    await write(
      root,
      'units_sold/units_sold.csv',
      'company_id,item_type,units_sold,region\n1001,Bread,3,EU\n',
    );
    await rm(join(root, 'production_costs'), { recursive: true });
    await write(root, 'raw/currency_rates/rates.csv', 'currency,rate_to_usd\nUSD,1\nCAD,0.75\n');
    // A new catalog object reads the saved catalog, as a restarted app would.
    const result = await new LakeCatalog(root, engine).crawl();
    expect(result.tablesCreated).toEqual(['currency_rates']);
    expect(result.tablesUpdated).toEqual(['units_sold']);
    expect(result.tablesDeleted).toEqual(['production_costs']);
    await expect(engine.query('SELECT * FROM production_costs')).rejects.toMatchObject({
      code: 'QUERY_FAILED',
    });
  });

  it('reads Hive partitions below a table folder, named after the folder above them', async () => {
    const root = await tempDir();
    const header = 'id,amount\n';
    await write(root, 'raw/billing/year=2025/month=01/a.csv', `${header}1,10.50\n2,20.25\n`);
    await write(root, 'raw/billing/year=2025/month=02/b.csv', `${header}3,30.00\n`);
    await write(root, 'raw/billing/year=2025/month=02/_SUCCESS', '');
    await mkdir(join(root, 'raw/empty'), { recursive: true });
    await write(root, 'quarantine/raw/billing/bad.csv', 'nonsense\n');
    const catalog = new LakeCatalog(root, engine);
    const result = await catalog.crawl();
    expect(result.tablesCreated).toEqual(['billing']);
    expect(result.problems).toEqual([]);
    const [table] = catalog.snapshot().tables;
    expect(table).toMatchObject({
      name: 'billing',
      location: 'raw/billing/',
      partitionKeys: ['year', 'month'],
      files: 2,
    });
    expect(table!.columns.map((c) => c.name).sort()).toEqual(['amount', 'id', 'month', 'year']);
    const { rows } = await engine.query(
      'SELECT month, sum(amount) FROM billing GROUP BY month ORDER BY month',
    );
    expect(rows).toEqual([
      ['01', 30.75],
      ['02', 30],
    ]);
  });

  it('reports mixed schemas, mixed layouts and unreadable files as problems, not crashes', async () => {
    const root = await tempDir();
    await write(root, 'mixed/a.csv', 'id,amount\n1,2\n');
    await write(root, 'mixed/b.csv', 'id,total\n1,2\n');
    await write(root, 'reordered/a.csv', 'id,amount\n1,2\n');
    await write(root, 'reordered/b.csv', 'amount,id\n3,4\n');
    await write(root, 'layouts/a.csv', 'id\n1\n');
    await write(root, 'layouts/year=2025/b.csv', 'id\n2\n');
    await write(root, 'broken/data.parquet', 'this is not parquet');
    const result = await new LakeCatalog(root, engine).crawl();
    expect(result.tablesCreated).toEqual(['reordered']);
    const problems = Object.fromEntries(result.problems.map((p) => [p.location, p.message]));
    expect(problems['mixed/']).toMatch(
      /^Mixed schemas: a.csv has columns \(id, amount\) but b.csv has \(id, total\)/,
    );
    expect(problems['layouts/']).toMatch(/^Mixed partition layouts/);
    expect(problems['broken/']).toMatch(/^Unreadable file data.parquet/);
    const { rows } = await engine.query('SELECT sum(id), sum(amount) FROM reordered');
    expect(rows).toEqual([[5, 5]]);
  });

  it('reads with the dialect sniffed at the crawl: delimiter, date format, quotes in any file', async () => {
    const root = await tempDir();
    await write(root, 'sales/a.csv', 'id;name;day\n1;Plain;31/01/2025\n');
    await write(root, 'sales/b.csv', 'id;name;day\n2;"Quoted; with ""semicolon""";01/02/2025\n');
    const catalog = new LakeCatalog(root, engine);
    await catalog.crawl();
    expect(catalog.snapshot().tables[0]!.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'name', type: 'VARCHAR' },
      { name: 'day', type: 'DATE' },
    ]);
    const { rows } = await engine.query('SELECT id, name, day FROM sales ORDER BY id');
    expect(rows).toEqual([
      [1, 'Plain', '2025-01-31'],
      [2, 'Quoted; with "semicolon"', '2025-02-01'],
    ]);
  });

  it('names the more refined zone after the folder when two folders share a name', async () => {
    const root = await tempDir();
    await write(root, 'raw/orders/o.csv', 'order_id\nA\nB\n');
    await write(root, 'processed/orders/o.csv', 'order_id\nA\n');
    const result = await new LakeCatalog(root, engine).crawl();
    expect(result.tablesCreated).toEqual(['orders', 'raw_orders']);
    expect(await count('orders')).toBe(1);
    expect(await count('raw_orders')).toBe(2);
  });

  it('leaves a read-only lake untouched and still serves its tables', async () => {
    const root = await tempDir();
    await write(root, 'orders/o.csv', 'order_id\nA\n');
    await chmod(root, 0o555);
    const result = await new LakeCatalog(root, engine).crawl();
    await chmod(root, 0o755);
    expect(result.tablesCreated).toEqual(['orders']);
    expect(result.problems).toEqual([
      { location: '.lakedesk/catalog.json', message: expect.stringContaining('read-only') },
    ]);
    await expect(stat(join(root, '.lakedesk'))).rejects.toThrow();
  });

  it('crawls on first use when the lake has no catalog, and loads the saved one after', async () => {
    const root = await tempDir();
    await write(root, 'items/i.csv', 'item\nBread\n');
    const first = new LakeCatalog(root, engine);
    await first.ensure();
    expect(first.snapshot().tables.map((t) => t.name)).toEqual(['items']);
    await write(root, 'more/m.csv', 'x\n1\n');
    const second = new LakeCatalog(root, engine);
    await second.ensure();
    expect(second.snapshot().tables.map((t) => t.name)).toEqual(['items']);
    expect(await count('items')).toBe(1);
  });
});
