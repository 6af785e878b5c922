import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '@shared/results.schema';
import { DuckDbQueryEngine } from './duckdb-query-engine';
import { DATE_PARSE_FORMATS } from './mysql-format';

let engine: DuckDbQueryEngine;

beforeAll(async () => {
  engine = await DuckDbQueryEngine.create();
});
afterAll(async () => {
  await engine.close();
});

/** The one value an expression gives, as the grid would show it. */
async function value(expression: string): Promise<Cell> {
  const { rows } = await engine.query(`SELECT ${expression} AS v`);
  return rows[0]![0]!;
}

// Each case is Athena SQL with the value Athena (Trino) gives for it.
describe('Trino compatibility macros', () => {
  it.each([
    ["date_format(DATE '2025-02-03', '%Y-%m')", '2025-02'],
    ["date_format(TIMESTAMP '2025-02-03 04:05:06', '%Y-%m-%d %H:%i:%s')", '2025-02-03 04:05:06'],
    ["date_format(TIMESTAMP '2025-02-03 14:05:06', '%M %e, %Y %h:%i %p')", 'February 3, 2025 02:05 PM'],
    [
      "date_format(TIMESTAMP '2025-02-03 14:05:06', '%W %a %b %c/%d %T %j')",
      'Monday Mon Feb 2/03 14:05:06 034',
    ],
    ["date_format(DATE '2025-02-03', '%x-W%v')", '2025-W06'],
  ])('date_format: %s', async (sql, expected) => {
    expect(await value(sql)).toBe(expected);
  });

  it.each([
    ["date_parse('2025-02-03', '%Y-%m-%d')", '2025-02-03 00:00:00'],
    ["date_parse('2025-02-03 04:05:06', '%Y-%m-%d %H:%i:%s')", '2025-02-03 04:05:06'],
    ["date_parse('02/03/2025', '%m/%d/%Y')", '2025-02-03 00:00:00'],
    ["date_parse('03/02/2025', '%d/%m/%Y')", '2025-02-03 00:00:00'],
    ["date_parse('03-02-2025', '%d-%m-%Y')", '2025-02-03 00:00:00'],
    ["date_parse('2025/02/03', '%Y/%m/%d')", '2025-02-03 00:00:00'],
    ["date_parse('20250203', '%Y%m%d')", '2025-02-03 00:00:00'],
  ])('date_parse: %s', async (sql, expected) => {
    expect(await value(sql)).toBe(expected);
  });

  it('date_parse knows each listed format, reads a column, and names a format it does not know', async () => {
    for (const format of DATE_PARSE_FORMATS) {
      const sample = await value(`date_format(TIMESTAMP '2025-02-03 04:05:06', '${format}')`);
      expect(await value(`date_parse('${String(sample)}', '${format}') IS NOT NULL`)).toBe(true);
    }
    const { rows } = await engine.query(
      `SELECT date_parse(s, '%m/%d/%Y') AS d FROM (VALUES ('1/2/2025'), ('12/31/2024')) v(s)`,
    );
    expect(rows).toEqual([['2025-01-02 00:00:00'], ['2024-12-31 00:00:00']]);
    await expect(value("date_parse('2025', '%Y %D')")).rejects.toThrow(/not supported by the local engine/);
  });

  it.each([
    ["date_trunc('month', TIMESTAMP '2025-02-11 10:11:12')", '2025-02-01 00:00:00'],
    ["date_add('day', 3, DATE '2025-01-30')", '2025-02-02 00:00:00'],
    ["date_add('month', 1, DATE '2025-01-31')", '2025-02-28 00:00:00'],
    ["date_add('hour', -2, TIMESTAMP '2025-01-01 01:00:00')", '2024-12-31 23:00:00'],
    ["date_add('quarter', 1, DATE '2025-01-15')", '2025-04-15 00:00:00'],
    ["date_add(DATE '2025-01-30', INTERVAL 1 DAY)", '2025-01-31 00:00:00'],
    ["date_diff('day', DATE '2025-01-01', DATE '2025-03-01')", 59],
    ["date_diff('month', DATE '2025-01-31', DATE '2025-02-01')", 0],
    ["date_diff('day', TIMESTAMP '2025-01-01 23:00:00', TIMESTAMP '2025-01-02 01:00:00')", 0],
    ["date_diff('year', DATE '2020-06-01', DATE '2025-05-31')", 4],
    ["day_of_week(DATE '2025-03-09')", 7],
    ["day_of_week(DATE '2025-03-10')", 1],
    ["from_iso8601_date('2025-02-03')", '2025-02-03'],
    ["CAST(from_iso8601_timestamp('2025-02-03T04:05:06Z') AS VARCHAR)", '2025-02-03 04:05:06+00'],
    ["CAST(from_iso8601_timestamp('2025-02-03T04:05:06+02:00') AS VARCHAR)", '2025-02-03 02:05:06+00'],
    ["to_unixtime(TIMESTAMP '2025-01-01 00:00:01.5')", 1735689601.5],
    ['CAST(from_unixtime(1735689601) AS VARCHAR)', '2025-01-01 00:00:01+00'],
  ])('dates: %s', async (sql, expected) => {
    expect(await value(sql)).toBe(expected);
  });

  it.each([
    ['approx_distinct(x)', 100],
    ['approx_distinct(x, 0.01)', 100],
    ['approx_percentile(x, 0.5)', 50],
  ])('aggregates: %s', async (sql, expected) => {
    const { rows } = await engine.query(`SELECT ${sql} AS v FROM range(101) t(x)`);
    expect(Math.abs(Number(rows[0]![0]) - expected)).toBeLessThanOrEqual(3);
  });

  it.each([
    ["regexp_like('INV-2025-001', '\\d{4}')", true],
    ["regexp_like('INV', '^\\d+$')", false],
    ['json_extract_scalar(\'{"a": {"b": "x"}}\', \'$.a.b\')', 'x'],
    ['json_extract_scalar(\'{"a": {"b": 7}}\', \'$.a.b\')', '7'],
    ['json_extract_scalar(\'{"a": {"b": 7}}\', \'$.a\')', null],
    ["array_join(ARRAY['a', 'b', 'c'], '-')", 'a-b-c'],
    ["array_join(ARRAY['a', NULL, 'c'], ',', 'n/a')", 'a,n/a,c'],
    ['cardinality(ARRAY[1, 2, 3])', 3],
  ])('strings, JSON, arrays: %s', async (sql, expected) => {
    expect(await value(sql)).toBe(expected);
  });
});
