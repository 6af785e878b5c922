import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, JobMethod, JobResult, Method, Output } from '@shared/contract';
import { createCore, type Core } from '../core';
import type { Caller } from '../handler-types';
import { fixtureLake, tempDir } from '../engine/test-lakes';

const caller: Caller = { frontDoor: 'cli', trusted: true };
let core: Core;

async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await core.router.call(method, input, caller);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as Output<M>;
}

async function job<M extends JobMethod>(method: M, input: Input<M>): Promise<JobResult<M>> {
  const { jobId } = (await call(method, input)) as { jobId: string };
  const done = await core.services.jobs.wait(jobId);
  if (done.state !== 'succeeded') throw Object.assign(new Error(done.error?.message), done.error);
  return done.result as JobResult<M>;
}

beforeAll(async () => {
  core = createCore({ home: await tempDir(), version: 'test' });
  await call('workspaces.open', { kind: 'local', path: fixtureLake });
});
afterAll(async () => {
  await core.close();
});

describe('queries through the router', () => {
  it('lists the saved queries with their SQL, parameters and charts', async () => {
    const saved = await call('queries.listSaved', {});
    expect(saved.find((q) => q.id === 'top-orders-in-month')).toMatchObject({
      parameters: [{ name: 'month', type: 'month' }],
      chart: { type: 'bar' },
      tables: ['orders'],
    });
  });

  it('runs a saved query as a job, echoes the bound parameters, pages sorted, then frees it', async () => {
    const result = await job('queries.run', { savedId: 'top-orders-in-month', params: { month: '2025-02' } });
    expect(result).toMatchObject({
      savedId: 'top-orders-in-month',
      params: { month: '2025-02' },
      rowCount: 10,
    });
    expect(result.columns.map((c) => c.name)).toEqual([
      'order_id',
      'customer_id',
      'order_date',
      'order_amount',
      'order_status',
    ]);
    expect(result.firstRows[0]).toEqual(['ORD-100338', 'CUST-001', '2025-02-24', 2489.86, 'Shipped']);
    const page = await call('queries.page', {
      resultId: result.resultId,
      offset: 0,
      limit: 2,
      sort: [{ column: 'order_amount', direction: 'asc' }],
    });
    expect(page.rows.map((r) => r[3])).toEqual([2334.69, 2342.82]);
    await call('queries.discardResult', { resultId: result.resultId });
    await expect(
      call('queries.page', { resultId: result.resultId, offset: 0, limit: 1 }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('fails a bad query with QUERY_FAILED and a bad call with BAD_INPUT', async () => {
    await expect(job('queries.run', { sql: 'SELECT nope FROM orders' })).rejects.toMatchObject({
      code: 'QUERY_FAILED',
    });
    await expect(job('queries.run', { sql: 'SELECT 1', savedId: 'order-status' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
  });

  it('lists the crawled tables and previews a file', async () => {
    const catalog = await call('catalog.listTables', {});
    expect(catalog.tables.map((t) => t.name)).toEqual([
      'billing',
      'orders',
      'production_costs',
      'units_sold',
    ]);
    const preview = await call('storage.preview', { path: 'units_sold/units_sold.csv', limit: 1 });
    expect(preview).toMatchObject({ path: 'units_sold/units_sold.csv', rows: [[1001, 'Bread', 3654]] });
  });
});
