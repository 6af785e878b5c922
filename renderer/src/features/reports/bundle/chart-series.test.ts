import { describe, expect, it } from 'vitest';
import type { OpenedChart } from '@shared/bundles.schema';
import { bundleChartData } from './chart-series';

const chart: OpenedChart = {
  id: 'by-product-line',
  title: 'Revenue and gross profit by product line',
  table: 'by_product_line',
  spec: { type: 'bar', x: 'product_line', y: ['revenue_usd', 'gross_margin_pct'] },
  rowLimit: 2,
  seriesLabels: { revenue_usd: 'Revenue (USD)' },
  seriesFormats: { revenue_usd: 'usd', gross_margin_pct: 'percent' },
  specPath: 'charts/by-product-line.json',
  data: {
    columns: [
      { name: 'product_line', type: 'VARCHAR' },
      { name: 'revenue_usd', type: 'DECIMAL(18,2)' },
      { name: 'gross_margin_pct', type: 'DECIMAL(18,2)' },
    ],
    rows: [
      ['Bakery', 47769.38, 52.69],
      ['Dairy', 98168.73, 40.08],
      ['Meat', 550932.37, 36.09],
    ],
  },
};

describe('bundleChartData', () => {
  it('draws the first rowLimit rows with the bundle’s labels and value formats', () => {
    const drawn = bundleChartData(chart);
    expect(drawn.labels).toEqual(['Bakery', 'Dairy']);
    expect(drawn.series.map((s) => s.label)).toEqual(['Revenue (USD)', 'gross_margin_pct']);
    expect(drawn.series[0]?.data).toEqual([47769.38, 98168.73]);
    expect(drawn.series[0]?.format?.(1234.5)).toBe('$1,234.50');
    expect(drawn.series[1]?.format?.(52.69)).toBe('52.69 %');
    expect(drawn.format(10)).toBe('$10.00');
    expect(drawn.missing).toEqual([]);
  });

  it('names the columns a damaged bundle lacks instead of drawing zeros', () => {
    const drawn = bundleChartData({ ...chart, spec: { ...chart.spec, y: ['cogs_usd'] } });
    expect(drawn.missing).toEqual(['cogs_usd']);
  });
});
