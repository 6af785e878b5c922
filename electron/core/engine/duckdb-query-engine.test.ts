import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LakeError } from '@shared/errors';
import { DuckDbQueryEngine } from './duckdb-query-engine';

let engine: DuckDbQueryEngine;
const never = new AbortController().signal;

beforeAll(async () => {
  engine = await DuckDbQueryEngine.create();
});
afterAll(async () => {
  await engine.close();
});

async function failure(promise: Promise<unknown>): Promise<LakeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LakeError);
  return error as LakeError;
}

describe('DuckDbQueryEngine', () => {
  it('keeps a result and pages it, sorted or not, without running the query again', async () => {
    const result = await engine.run(
      { sql: 'SELECT i, i % 3 AS m FROM range(1000) t(i) ORDER BY i;', params: {} },
      never,
    );
    expect(result.rowCount).toBe(1000);
    expect(result.columns).toEqual([
      { name: 'i', type: 'BIGINT' },
      { name: 'm', type: 'BIGINT' },
    ]);
    expect(result.firstRows).toHaveLength(200);
    expect(result.firstRows[0]).toEqual([0, 0]);
    const page = await engine.page(result.resultId, { offset: 990, limit: 50, sort: [] });
    expect(page.rows.map((r) => r[0])).toEqual([990, 991, 992, 993, 994, 995, 996, 997, 998, 999]);
    const sorted = await engine.page(result.resultId, {
      offset: 0,
      limit: 3,
      sort: [
        { column: 'm', direction: 'desc' },
        { column: 'i', direction: 'desc' },
      ],
    });
    expect(sorted.rows).toEqual([
      [998, 2],
      [995, 2],
      [992, 2],
    ]);
    const rowid = await engine.run({ sql: 'SELECT 3 - i AS rowid FROM range(3) t(i)', params: {} }, never);
    const byRowid = await engine.page(rowid.resultId, {
      offset: 1,
      limit: 5,
      sort: [{ column: 'rowid', direction: 'asc' }],
    });
    expect(byRowid.rows).toEqual([[2], [3]]);
    await engine.discard(result.resultId);
    await expect(engine.page(result.resultId, { offset: 0, limit: 1, sort: [] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('gives decimals as numbers for display and as exact text for exports; dates as ISO text', async () => {
    const sql = `SELECT CAST(142.8 AS DECIMAL(18, 2)) AS d, CAST(5 AS BIGINT) AS b, DATE '2025-02-24' AS day, NULL AS n`;
    const result = await engine.run({ sql, params: {} }, never);
    expect(result.firstRows).toEqual([[142.8, 5, '2025-02-24', null]]);
    const exact = await engine.exactPage(result.resultId, { offset: 0, limit: 10, sort: [] });
    expect(exact.rows).toEqual([['142.80', '5', '2025-02-24', null]]);
  });

  it('binds parameters, positional (?) or named ($name), and never splices them', async () => {
    const positional = await engine.run(
      { sql: 'SELECT ? AS a, ? AS b', params: { '1': "it's", '2': 3 } },
      never,
    );
    expect(positional.firstRows).toEqual([["it's", 3]]);
    const named = await engine.run(
      { sql: "SELECT $month AS m, $month || '-01' AS d", params: { month: '2025-02' } },
      never,
    );
    expect(named.firstRows).toEqual([['2025-02', '2025-02-01']]);
    const injected = await engine.run(
      { sql: 'SELECT ? AS a', params: { '1': "x'; DROP TABLE y; --" } },
      never,
    );
    expect(injected.firstRows).toEqual([["x'; DROP TABLE y; --"]]);
    const missing = await failure(engine.run({ sql: 'SELECT $month AS m', params: {} }, never));
    expect(missing.code).toBe('BAD_INPUT');
    expect(missing.message).toContain('$month');
  });

  it('reports a syntax error as QUERY_FAILED naming the line and column', async () => {
    const error = await failure(engine.run({ sql: 'SELECT 1 AS a,\n  2 AS b\nFROMM x', params: {} }, never));
    expect(error.code).toBe('QUERY_FAILED');
    expect(error.message).toMatch(/^Syntax error \(line 3, column 1\): .*"FROMM"/);
    const atEnd = await failure(engine.run({ sql: 'SELECT *\nFROM orders WHERE', params: {} }, never));
    expect(atEnd.message).toMatch(/^Syntax error \(line 2, column 18\): syntax error at end of input/);
  });

  it('reports a missing table as QUERY_FAILED naming it and where', async () => {
    engine.knownTables = ['billing', 'orders'];
    const error = await failure(engine.run({ sql: 'SELECT *\nFROM nope', params: {} }, never));
    expect(error.code).toBe('QUERY_FAILED');
    expect(error.message).toContain('Table "nope" does not exist (line 2, column 6)');
    expect(error.hint).toContain('billing, orders');
  });

  it('runs queries only: statements that change something are refused', async () => {
    const error = await failure(engine.run({ sql: "COPY (SELECT 1) TO '/tmp/x.csv'", params: {} }, never));
    expect(error.code).toBe('QUERY_FAILED');
    expect(error.message).toContain('Only queries');
  });

  it('cancel interrupts a long query in DuckDB', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const running = engine.run(
      { sql: 'SELECT count(*) FROM range(1000000000000) t(i) WHERE i % 7 = 3', params: {} },
      abort.signal,
    );
    setTimeout(() => abort.abort(), 300);
    const error = await failure(running);
    expect(error.code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(5000);
    const after = await engine.run({ sql: 'SELECT 42 AS answer', params: {} }, never);
    expect(after.firstRows).toEqual([[42]]);
  });

  it('pages a million rows quickly', async () => {
    const sql = 'SELECT i, md5(CAST(i AS VARCHAR)) AS h FROM range(1000000) t(i)';
    const result = await engine.run({ sql, params: {} }, never);
    expect(result.rowCount).toBe(1_000_000);
    let started = performance.now();
    const page = await engine.page(result.resultId, { offset: 900_000, limit: 200, sort: [] });
    expect(page.rows[0]?.[0]).toBe(900_000);
    expect(performance.now() - started).toBeLessThan(500);
    started = performance.now();
    const sorted = await engine.page(result.resultId, {
      offset: 500_000,
      limit: 200,
      sort: [{ column: 'h', direction: 'asc' }],
    });
    expect(sorted.rows).toHaveLength(200);
    expect(performance.now() - started).toBeLessThan(1500);
    await engine.discard(result.resultId);
  });
});
