import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savedQueries } from '@shared/sql/saved-queries';
import { LakeCatalog } from '../catalog/lake-catalog';
import { DuckDbQueryEngine } from '../engine/duckdb-query-engine';
import { resultToCsv } from '../engine/result-export';
import { copyFixtureLake } from '../engine/test-lakes';
import { resolveSavedParams } from './saved-params';
import { requireSavedQuery } from './require-saved-query';

let engine: DuckDbQueryEngine;
let lake: string;
const never = new AbortController().signal;

beforeAll(async () => {
  lake = await copyFixtureLake();
  engine = await DuckDbQueryEngine.create();
  await new LakeCatalog(lake, engine).ensure();
});
afterAll(async () => {
  await engine.close();
});

/** A saved query's result as CSV text, as `lakedesk query run --saved` writes it. */
async function savedCsv(id: string, params: Record<string, string> = {}): Promise<string> {
  const saved = requireSavedQuery(id);
  const result = await engine.run({ sql: saved.sql, params: resolveSavedParams(saved, params).bound }, never);
  return resultToCsv(engine, result.resultId);
}

// The expected files were computed independently with exact decimals: the output must equal them
// byte for byte (CRLF line ends, quoting, every cent).
describe('saved queries on the fixture lake', () => {
  it.each([
    ['total-sales-by-customer', 'total_sales_by_customer.csv', {}],
    ['monthly-order-volume', 'monthly_order_volume.csv', {}],
    ['order-status', 'order_status.csv', {}],
    ['average-order-value', 'average_order_value.csv', {}],
    ['top-orders-in-month', 'top10_orders_2025_02.csv', { month: '2025-02' }],
    ['gross-profit', 'gross_profit.csv', {}],
  ])('%s equals expected/%s', async (id, file, params) => {
    const expected = await readFile(join(lake, 'expected', file), 'utf8');
    expect(await savedCsv(id, params)).toBe(expected);
  });

  it('each saved query has one ? per parameter, and ids as DOMAIN.md names them', () => {
    expect(savedQueries.map((q) => q.id)).toEqual([
      'total-sales-by-customer',
      'monthly-order-volume',
      'order-status',
      'average-order-value',
      'top-orders-in-month',
      'gross-profit',
    ]);
    for (const query of savedQueries) {
      const placeholders =
        query.sql
          .replace(/--[^\n]*/g, '')
          .replace(/'[^']*'/g, '')
          .match(/\?/g) ?? [];
      expect(placeholders.length, query.id).toBe(query.parameters.length);
    }
  });

  it('rounds half-up exactly where floating point would not (1.255 → 1.26)', async () => {
    // Orders of 1.25 and 1.26 average 1.255: a tie that DuckDB's double division puts at 1.2549999….
    const sql = requireSavedQuery('average-order-value').sql.replace(
      /FROM orders/,
      "FROM (VALUES ('A', 1.25), ('A', 1.26), ('B', -1.25), ('B', -1.26), ('C', 10.04), ('C', 0)) o(customer_id, order_amount)",
    );
    const result = await engine.run({ sql, params: {} }, never);
    expect(result.firstRows).toEqual([
      ['C', 5.02, 2],
      ['A', 1.26, 2],
      ['B', -1.26, 2],
    ]);
  });

  it('checks saved parameters: a bad month is refused, the default applies when none is given', () => {
    const top = requireSavedQuery('top-orders-in-month');
    expect(() => resolveSavedParams(top, { month: '2025-13' })).toThrow(/YYYY-MM/);
    expect(() => resolveSavedParams(top, { mnth: '2025-01' })).toThrow(/no parameter mnth/);
    expect(resolveSavedParams(top, {})).toEqual({ bound: { '1': '2025-02' }, echo: { month: '2025-02' } });
  });
});
