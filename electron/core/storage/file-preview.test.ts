import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbQueryEngine } from '../engine/duckdb-query-engine';
import { fixtureLake, tempDir } from '../engine/test-lakes';
import { previewFile, profileFile } from './file-preview';

let engine: DuckDbQueryEngine;

beforeAll(async () => {
  engine = await DuckDbQueryEngine.create();
});
afterAll(async () => {
  await engine.close();
});

describe('storage preview and profile', () => {
  it('previews the first rows of a CSV file', async () => {
    const preview = await previewFile(engine, fixtureLake, 'billing/billing.csv', 2);
    expect(preview.columns.map((c) => c.name)).toEqual([
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
    expect(preview.rows).toEqual([
      [1005, 'Evergreen Deli', 'Canada', 'Montreal', 'Meat', 'Pork', '2025-03-11', 'CAD', 4954.82],
      [1014, 'North Star Bakery', 'Canada', 'Toronto', 'Meat', 'Beef', '2025-05-29', 'CAD', 13393.51],
    ]);
  });

  it('previews Parquet, and reads only the rows it shows from a big file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'big.parquet');
    await engine.exec([`COPY (SELECT i, i * 2 AS j FROM range(5000000) t(i)) TO '${file}' (FORMAT parquet)`]);
    const started = performance.now();
    const preview = await previewFile(engine, dir, 'big.parquet', 3);
    expect(preview.rows).toEqual([
      [0, 0],
      [1, 2],
      [2, 4],
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('profiles each column: type, nulls, distinct, min, max', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'p.csv'), 'id,amount,note\n1,2.50,a\n2,,b\n2,7.25,\n');
    const profile = await profileFile(engine, dir, 'p.csv');
    expect(profile.rows).toBe(3);
    expect(profile.columns).toEqual([
      { name: 'id', type: 'BIGINT', nulls: 0, distinct: 2, min: '1', max: '2' },
      { name: 'amount', type: 'DOUBLE', nulls: 1, distinct: 2, min: '2.5', max: '7.25' },
      { name: 'note', type: 'VARCHAR', nulls: 1, distinct: 2, min: 'a', max: 'b' },
    ]);
  });

  it('refuses paths outside the lake and files that are not data', async () => {
    await expect(previewFile(engine, fixtureLake, '../make_fixtures.py', 5)).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    await expect(previewFile(engine, fixtureLake, '/etc/passwd.csv', 5)).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    await expect(previewFile(engine, fixtureLake, 'billing/nope.csv', 5)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
