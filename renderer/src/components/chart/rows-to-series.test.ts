import { describe, expect, it } from 'vitest';
import { MAX_CATEGORIES, rowsToSeries } from './rows-to-series';

const columns = [
  { name: 'month', type: 'VARCHAR' },
  { name: 'order_count', type: 'BIGINT' },
  { name: 'total_revenue', type: 'DECIMAL(18,2)' },
];

describe('rowsToSeries', () => {
  it('takes labels from x and one series per y column', () => {
    const chart = rowsToSeries({ x: 'month', y: ['order_count', 'total_revenue'] }, columns, [
      ['2025-01', 3, 120.5],
      ['2025-02', 4, '99.10'],
      [null, null, null],
    ]);
    expect(chart.labels).toEqual(['2025-01', '2025-02', '(empty)']);
    expect(chart.series).toEqual([
      { label: 'order_count', data: [3, 4, 0] },
      { label: 'total_revenue', data: [120.5, 99.1, 0] },
    ]);
    expect(chart.missing).toEqual([]);
  });

  it('names the spec columns the result lacks', () => {
    expect(rowsToSeries({ x: 'month', y: ['revenue'] }, columns, []).missing).toEqual(['revenue']);
  });

  it('keeps charts readable by leaving out rows past the limit', () => {
    const rows = Array.from({ length: MAX_CATEGORIES + 5 }, (_, i) => [`m${i}`, i, i]);
    const chart = rowsToSeries({ x: 'month', y: ['order_count'] }, columns, rows);
    expect(chart.labels).toHaveLength(MAX_CATEGORIES);
    expect(chart.omitted).toBe(5);
  });
});
