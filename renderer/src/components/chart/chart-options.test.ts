import { describe, expect, it } from 'vitest';
import { needsSecondAxis } from './chart-options';

describe('needsSecondAxis', () => {
  const revenue = { label: 'total_revenue', data: [90_000, 70_000] };
  const orders = { label: 'order_count', data: [120, 95] };

  it('gives a count its own axis next to money', () => {
    expect(needsSecondAxis({ kind: 'line', series: [revenue, orders] })).toBe(true);
  });

  it('keeps one axis for series of like size, for one series, and for round charts', () => {
    expect(
      needsSecondAxis({ kind: 'bar', series: [revenue, { label: 'profit', data: [40_000, 30_000] }] }),
    ).toBe(false);
    expect(needsSecondAxis({ kind: 'bar', series: [revenue] })).toBe(false);
    expect(needsSecondAxis({ kind: 'pie', series: [revenue, orders] })).toBe(false);
  });
});
