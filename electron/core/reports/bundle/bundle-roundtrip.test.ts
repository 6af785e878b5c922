import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleChecksums } from '@shared/bundle-manifest.schema';
import { fixtureLake, readCsvFile, tempDir } from '../../engine/test-lakes';
import { toCents } from '../money';
import { ZipReader } from './zip-archive';
import { testCore, type TestCore } from './test-bundles';

const expected = (file: string) => join(fixtureLake, 'expected', file);

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = await tempDir('lakedesk-bundle-rt-');
  bundle = join(dir, 'gross-profit.lakereport');
  const lake = await testCore(fixtureLake);
  try {
    const file = await lake.job('reports.exportBundle', { source: { kind: 'grossProfit' }, out: bundle });
    expect(file).toMatchObject({ path: bundle, fileName: 'gross-profit.lakereport', inDownloads: false });
    expect((await lake.call('reports.recentBundles', {}))[0]).toMatchObject({ path: bundle, exists: true });
  } finally {
    await lake.close();
  }
});

describe('gross profit bundle round trip', () => {
  let app: TestCore;
  beforeAll(async () => {
    // A new core with no workspace at all: the bundle must open on its own.
    app = await testCore();
  });
  afterAll(() => app.close());

  it('holds the members the manifest lists, each matching checksums.json', async () => {
    const zip = await ZipReader.open(bundle);
    try {
      const manifest = JSON.parse((await zip.readBuffer('manifest.json', 1e7)).toString('utf8')) as {
        members: Array<{ path: string; role: string }>;
      };
      const checksums = BundleChecksums.parse(
        JSON.parse((await zip.readBuffer('checksums.json', 1e7)).toString()),
      );
      const names = [...zip.entries.keys()].sort();
      expect(names).toEqual(
        ['checksums.json', 'manifest.json', ...manifest.members.map((m) => m.path)].sort(),
      );
      expect(Object.keys(checksums.files).sort()).toEqual(names.filter((n) => n !== 'checksums.json'));
      for (const name of Object.keys(checksums.files))
        expect(await zip.hash(name)).toBe(checksums.files[name]);
      expect(manifest.members.map((m) => m.role)).toEqual(
        expect.arrayContaining(['data-parquet', 'data-csv', 'chart-spec', 'chart-png', 'summary-pdf']),
      );
      const csv = await zip.readBuffer('data/gross_profit.csv', 1e7);
      expect(csv.toString('utf8')).toBe(await readFile(expected('gross_profit.csv'), 'utf8'));
      const png = await zip.readBuffer('charts/by-product-line.png', 1e7);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect((await zip.readBuffer('summary.pdf', 1e8)).subarray(0, 5).toString()).toBe('%PDF-');
      expect(createHash('sha256').update(csv).digest('hex')).toBe(checksums.files['data/gross_profit.csv']);
    } finally {
      zip.close();
    }
  });

  it('opens offline: verified, tables from Parquet equal expected/gross_profit.csv to the cent', async () => {
    const opened = await app.call('reports.openBundle', { path: bundle, remember: false });
    expect(opened.integrity).toEqual({ verified: true, problems: [] });
    expect(opened.manifest).toMatchObject({
      title: 'Gross profit',
      kind: 'gross-profit',
      appVersion: '0.0.0-test',
      workspace: { kind: 'local', lakePath: fixtureLake },
    });
    expect(opened.manifest.queries[0]).toMatchObject({
      savedId: 'gross-profit',
      engine: 'duckdb',
      rowCount: 79,
    });
    expect(opened.tables.map((t) => [t.name, t.rowCount, t.loaded])).toEqual([
      ['gross_profit', 79, true],
      ['totals', 1, true],
      ['by_product_line', 3, true],
      ['by_country', 3, true],
      ['by_month', 6, true],
      ['exclusions', 4, true],
    ]);
    const table = opened.tables[0]!;
    expect(table.columns.find((c) => c.name === 'revenue_usd')?.type).toBe('DECIMAL(18,2)');
    const page = await app.call('reports.pageBundle', {
      bundleId: opened.bundleId,
      target: { table: 'gross_profit' },
      offset: 0,
      limit: 5000,
    });
    const [header, ...lines] = await readCsvFile(expected('gross_profit.csv'));
    expect(page.columns.map((c) => c.name)).toEqual(header);
    expect(page.rows).toHaveLength(lines.length);
    page.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const want = lines[r]![c]!;
        if (typeof cell === 'number') expect(toCents(cell.toFixed(2))).toBe(toCents(want));
        else expect(cell).toBe(want);
      }),
    );
    // Sums in the bundle's own DuckDB, exact: the sum of the CSV's cents.
    const sum = await app.call('reports.queryBundle', {
      bundleId: opened.bundleId,
      sql: 'SELECT CAST(sum(gross_profit_usd) AS VARCHAR) AS gp FROM gross_profit',
    });
    const cents = lines.reduce((t, l) => t + toCents(l[9]!), 0n);
    expect(toCents(String(sum.firstRows[0]![0]))).toBe(cents);
    const productLines = await readCsvFile(expected('gross_profit_by_product_line.csv'));
    const byLine = await app.call('reports.pageBundle', {
      bundleId: opened.bundleId,
      target: { table: 'by_product_line' },
      offset: 0,
      limit: 10,
    });
    expect(byLine.rows.map((r) => [r[0], Number(r[1]).toFixed(2), Number(r[3]).toFixed(2)])).toEqual(
      productLines.slice(1).map((l) => [l[0], l[1], l[2]]),
    );
    await app.call('reports.closeBundle', { bundleId: opened.bundleId });
  });

  it('returns chart specs with their rows so the app re-draws them', async () => {
    const opened = await app.call('reports.openBundle', { path: bundle, remember: false });
    expect(opened.charts.map((c) => [c.id, c.spec.type, c.data.rows.length])).toEqual([
      ['by-product-line', 'bar', 3],
      ['by-country', 'bar', 3],
      ['by-month', 'line', 6],
    ]);
    const chart = opened.charts[0]!;
    expect(chart.data.columns.map((c) => c.name)).toEqual([
      'product_line',
      'revenue_usd',
      'gross_profit_usd',
    ]);
    expect(chart).toMatchObject({ png: 'charts/by-product-line.png', seriesFormats: { revenue_usd: 'usd' } });
    await app.call('reports.closeBundle', { bundleId: opened.bundleId });
  });
});
