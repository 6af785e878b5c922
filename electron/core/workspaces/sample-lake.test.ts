import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInDatasets } from '@shared/datasets';
import { createCore } from '../core';
import { validateCsvFile } from '../storage/csv-validator';
import { createSampleLake, ensureDefaultWorkspace } from './sample-lake';

describe('createSampleLake', () => {
  let parent: string;

  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'lakedesk-sample-'));
  });
  afterEach(() => rm(parent, { recursive: true, force: true }));

  it('writes the five datasets and a README, each file valid against its contract', async () => {
    const lake = await createSampleLake(join(parent, 'lake'), { seed: 7 });
    expect(lake.files).toEqual([
      'README.txt',
      'raw/billing/billing.csv',
      'raw/units_sold/units_sold.csv',
      'raw/production_costs/production_costs.csv',
      'raw/currency_rates/currency_rates.csv',
      'raw/orders/orders.csv',
    ]);
    expect(await readFile(join(lake.path, 'README.txt'), 'utf8')).toMatch(
      /landing.*raw.*trusted.*curated.*processed/s,
    );
    for (const dataset of builtInDatasets) {
      const report = await validateCsvFile(
        join(lake.path, dataset.defaultPrefix, `${dataset.name}.csv`),
        dataset,
      );
      expect({ name: dataset.name, errors: report.errors }).toEqual({ name: dataset.name, errors: [] });
      if (['billing', 'orders'].includes(dataset.name)) expect(report.rows).toBeGreaterThanOrEqual(300);
    }
    const billing = await readFile(join(lake.path, 'raw/billing/billing.csv'), 'utf8');
    expect(
      new Set(
        billing
          .split('\n')
          .slice(1, -1)
          .map((l) => l.split(',').at(-2)),
      ),
    ).toEqual(new Set(['USD', 'CAD', 'MXN']));
    expect(billing).toContain('"Red Barn ""Organic"" Dairy"');
    const orders = await readFile(join(lake.path, 'raw/orders/orders.csv'), 'utf8');
    for (const status of ['Delivered', 'Shipped', 'Pending', 'Cancelled', 'Returned'])
      expect(orders).toContain(`,${status}\n`);
  });

  it('gives the same files for the same seed and different ones for another', async () => {
    const read = async (dir: string) => readFile(join(dir, 'raw/billing/billing.csv'), 'utf8');
    const a = await createSampleLake(join(parent, 'a'), { seed: 7 });
    const b = await createSampleLake(join(parent, 'b'), { seed: 7 });
    const c = await createSampleLake(join(parent, 'c'), { seed: 8 });
    expect(await read(a.path)).toBe(await read(b.path));
    expect(await read(c.path)).not.toBe(await read(a.path));
  });

  it('fills an empty folder, refuses a non-empty one, and leaves no temp folder behind', async () => {
    await mkdir(join(parent, 'empty'));
    await createSampleLake(join(parent, 'empty'), { seed: 1 });
    await mkdir(join(parent, 'full'));
    await writeFile(join(parent, 'full', 'mine.txt'), 'keep me');
    await expect(createSampleLake(join(parent, 'full'))).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await readdir(join(parent, 'full'))).toEqual(['mine.txt']);
    expect((await readdir(parent)).sort()).toEqual(['empty', 'full']);
  });
});

describe('ensureDefaultWorkspace', () => {
  it('creates and opens <home>/sample-lake on a first run, and leaves known workspaces alone', async () => {
    const home = await mkdtemp(join(tmpdir(), 'lakedesk-home-'));
    try {
      const core = createCore({ home, version: '0.0.0-test' });
      const first = await ensureDefaultWorkspace(core.services);
      expect(first).toMatchObject({ kind: 'local', path: join(home, 'sample-lake') });
      expect(await readdir(join(home, 'sample-lake', 'raw'))).toContain('billing');
      await writeFile(join(home, 'sample-lake', 'raw', 'mine.csv'), 'x');
      const again = await ensureDefaultWorkspace(createCore({ home, version: '0.0.0-test' }).services);
      expect(again?.id).toBe(first?.id);
      expect(await readdir(join(home, 'sample-lake', 'raw'))).toContain('mine.csv');
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
