import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LakeEngines, type LocalLake } from '../engine/lake-engines';
import { copyFixtureLake, readCsvFile, tempDir } from '../engine/test-lakes';
import { loadJobHistory } from './job-history-store';
import { runLakeJob } from './lake-jobs';

const never = new AbortController().signal;
let engines = new LakeEngines();

afterEach(async () => {
  await engines.closeAll();
  engines = new LakeEngines();
});

async function lakeAt(root: string): Promise<LocalLake> {
  return engines.open(root);
}

describe('lake jobs', () => {
  it('gross-profit writes curated/ CSV (equal to the expected file) and Parquet, and records the run', async () => {
    const root = await copyFixtureLake();
    const lake = await lakeAt(root);
    await lake.catalog.ensure();
    const run = await runLakeJob(lake, 'gross-profit', {}, never);
    expect(run).toMatchObject({ state: 'succeeded', counts: { rows: 79 } });
    expect(run.outputs).toEqual([
      'curated/gross_profit/gross_profit.csv',
      'curated/gross_profit/gross_profit.parquet',
    ]);
    const csv = await readFile(join(root, run.outputs[0]!), 'utf8');
    expect(csv).toBe(await readFile(join(root, 'expected/gross_profit.csv'), 'utf8'));
    const parquet = join(root, run.outputs[1]!);
    const { rows } = await lake.engine.query('SELECT count(*), sum(gross_profit_usd) FROM read_parquet($p)', {
      p: parquet,
    });
    expect(rows).toEqual([[79, 263326.96]]);
    expect(await readdir(join(root, 'curated/gross_profit'))).toEqual([
      'gross_profit.csv',
      'gross_profit.parquet',
    ]);
    expect(await loadJobHistory(root)).toEqual([run]);
  });

  it('process-orders keeps, filters and drops bad dates per DOMAIN.md, dates in every accepted format', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'raw/orders'), { recursive: true });
    await writeFile(
      join(root, 'raw/orders/orders.csv'),
      [
        'order_id,customer_id,order_date,order_amount,order_status',
        'A1,C1,2025-03-01,10.00,Pending',
        'A2,C1,05/20/2025,20.50,Pending',
        'A3,C2,2025/01/15,30.00,Delivered',
        'A4,C2,15-01-2025,40.00,Cancelled',
        'A5,C3,2025-05-31 10:00:00,5.00,Cancelled',
        'A6,C3,31/31/2025,1.00,Delivered',
        'A7,C4,,2.00,Shipped',
        'A8,C4,2025-05-02,3.10,Cancelled',
        '',
      ].join('\n'),
    );
    const lake = await lakeAt(root);
    const run = await runLakeJob(lake, 'process-orders', { now: new Date(2025, 5, 1, 9, 0) }, never);
    expect(run.counts).toEqual({ kept: 4, filtered: 2, bad_date: 2 });
    expect(await readCsvFile(join(root, 'processed/orders/orders.csv'))).toEqual([
      ['order_id', 'customer_id', 'order_date', 'order_amount', 'order_status'],
      ['A2', 'C1', '2025-05-20', '20.50', 'Pending'],
      ['A3', 'C2', '2025-01-15', '30.00', 'Delivered'],
      ['A5', 'C3', '2025-05-31', '5.00', 'Cancelled'],
      ['A8', 'C4', '2025-05-02', '3.10', 'Cancelled'],
    ]);
  });

  it('process-orders reads the orders table when there is no raw/orders/, counting as an independent tally does', async () => {
    const root = await copyFixtureLake();
    const [, ...orders] = await readCsvFile(join(root, 'orders/orders.csv'));
    const lake = await lakeAt(root);
    const run = await runLakeJob(
      lake,
      'process-orders',
      { olderThanDays: 45, now: new Date(2025, 2, 31) },
      never,
    );
    const cutoff = '2025-02-14';
    const filtered = orders.filter(
      ([, , date, , status]) => ['Pending', 'Cancelled'].includes(status!) && date! < cutoff,
    );
    expect(run.counts).toEqual({
      kept: orders.length - filtered.length,
      filtered: filtered.length,
      bad_date: 0,
    });
    const written = await readCsvFile(join(root, 'processed/orders/orders.csv'));
    expect(written.length - 1).toBe(orders.length - filtered.length);
  });

  it('records a cancelled run and leaves no output', async () => {
    const root = await copyFixtureLake();
    const lake = await lakeAt(root);
    await lake.catalog.ensure();
    const abort = new AbortController();
    abort.abort();
    await expect(runLakeJob(lake, 'gross-profit', {}, abort.signal)).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect((await loadJobHistory(root))[0]).toMatchObject({
      name: 'gross-profit',
      state: 'cancelled',
      outputs: [],
    });
    await expect(readdir(join(root, 'curated'))).rejects.toThrow();
  });

  it('refuses to write into a read-only lake', async () => {
    const root = await copyFixtureLake();
    await chmod(root, 0o555);
    const lake = await lakeAt(root);
    await expect(runLakeJob(lake, 'gross-profit', {}, never)).rejects.toMatchObject({ code: 'IO' });
    await chmod(root, 0o755);
  });
});
