import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureLake, tempDir } from '../../engine/test-lakes';
import { testCore, type TestCore } from './test-bundles';

let dir: string;
let bundle: string;
let app: TestCore;
let bundleId: string;

beforeAll(async () => {
  dir = await tempDir('lakedesk-bundle-q-');
  bundle = join(dir, 'aov.lakereport');
  const lake = await testCore(fixtureLake);
  await lake.job('reports.exportBundle', {
    source: { kind: 'saved', savedId: 'average-order-value' },
    out: bundle,
  });
  await lake.close();
  app = await testCore();
  bundleId = (await app.call('reports.openBundle', { path: bundle })).bundleId;
});
afterAll(() => app.close());

const page = (input: Partial<Parameters<TestCore['call']>[1]> & object) =>
  app.call('reports.pageBundle', {
    bundleId,
    target: { table: 'average_order_value' },
    offset: 0,
    limit: 100,
    ...input,
  });

describe('an open bundle: grid pages and the SQL box', () => {
  it('pages, sorts and filters a bundled table with bound values', async () => {
    const all = await page({});
    expect(all.rowCount).toBe(40);
    expect(all.columns.map((c) => c.name)).toEqual(['customer_id', 'average_order_value', 'order_count']);
    const sorted = await page({ sort: [{ column: 'order_count', direction: 'asc' }], limit: 3 });
    const counts = sorted.rows.map((r) => r[2] as number);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const some = await page({
      filters: [{ column: 'customer_id', op: 'contains', value: "cust-01' OR 1=1 --" }],
    });
    expect(some.rowCount).toBe(0);
    const tens = await page({ filters: [{ column: 'customer_id', op: 'contains', value: 'cust-01' }] });
    expect(tens.rowCount).toBe(10);
    const big = await page({ filters: [{ column: 'average_order_value', op: 'ge', value: 1500 }] });
    expect(big.rows.every((r) => (r[1] as number) >= 1500)).toBe(true);
    expect(
      (await app.fail('reports.pageBundle', { bundleId, target: { table: 'nope' }, offset: 0, limit: 1 }))
        .code,
    ).toBe('NOT_FOUND');
  });

  it('runs SELECTs over the bundled tables and pages their results; nothing else', async () => {
    const result = await app.call('reports.queryBundle', {
      bundleId,
      sql: 'SELECT order_count, count(*) AS customers FROM average_order_value GROUP BY 1 ORDER BY 1',
    });
    expect(result.columns.map((c) => c.name)).toEqual(['order_count', 'customers']);
    const again = await app.call('reports.pageBundle', {
      bundleId,
      target: { resultId: result.resultId },
      offset: 0,
      limit: 2,
      sort: [{ column: 'customers', direction: 'desc' }],
    });
    expect(again.rowCount).toBe(result.rowCount);
    // The bundle's DuckDB reaches no file and changes nothing.
    const file = await app.fail('reports.queryBundle', {
      bundleId,
      sql: "SELECT * FROM read_csv('/etc/passwd')",
    });
    expect(file.code).toBe('QUERY_FAILED');
    const write = await app.fail('reports.queryBundle', { bundleId, sql: 'CREATE TABLE x AS SELECT 1' });
    expect(write.message).toMatch(/Only queries run here/);
  });

  it('keeps a recent list, imports a browser upload, saves the PDF summary, and closes', async () => {
    expect((await app.call('reports.recentBundles', {})).map((r) => [r.fileName, r.kind, r.exists])).toEqual([
      ['aov.lakereport', 'query', true],
    ]);
    const { path } = await app.call('reports.importBundle', {
      fileName: '../../Average order value.lakereport',
      dataBase64: (await readFile(bundle)).toString('base64'),
    });
    expect(path.startsWith(join(app.home, 'imports', 'average-order-value-'))).toBe(true);
    expect((await app.call('reports.openBundle', { path })).integrity.verified).toBe(true);
    expect(await app.call('reports.forgetRecentBundle', { path })).toHaveLength(1);
    const pdf = await app.call('reports.exportPdf', { from: { bundleId } });
    expect(pdf).toMatchObject({
      inDownloads: true,
      path: expect.stringContaining(join(app.home, 'downloads')),
    });
    expect((await readFile(pdf.path)).subarray(0, 5).toString()).toBe('%PDF-');
    const relative = await app.fail('reports.exportPdf', { from: { bundleId }, out: 'summary.pdf' });
    expect(relative.code).toBe('BAD_INPUT');
    const wrongKind = await app.fail('reports.exportPdf', { from: { bundleId }, out: join(dir, '.bashrc') });
    expect(wrongKind.message).toMatch(/must end with \.pdf/);
    await app.call('reports.closeBundle', { bundleId });
    expect((await app.fail('reports.queryBundle', { bundleId, sql: 'SELECT 1' })).code).toBe('NOT_FOUND');
  });

  it('an export that fails or is cancelled leaves the file that was there, and no temp file', async () => {
    const out = join(dir, 'kept.lakereport');
    await writeFile(out, 'the earlier export');
    expect((await app.fail('reports.exportBundle', { source: { kind: 'grossProfit' }, out })).code).toBe(
      'NO_WORKSPACE',
    );
    const lake = await testCore(fixtureLake);
    try {
      const { jobId } = await lake.call('reports.exportBundle', { source: { kind: 'kpis' }, out });
      // Cancelled while it works: half a bundle must never reach `out`.
      const stop = lake.core.services.events.subscribe((topic, payload) => {
        const job = payload as { id: string; progress: { message?: string } };
        if (topic === 'jobs.changed' && job.id === jobId && job.progress.message !== undefined)
          lake.core.services.jobs.cancel(jobId);
      });
      const job = await lake.core.services.jobs.wait(jobId);
      stop();
      expect(job.state).toBe('cancelled');
    } finally {
      await lake.close();
    }
    expect(await readFile(out, 'utf8')).toBe('the earlier export');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
