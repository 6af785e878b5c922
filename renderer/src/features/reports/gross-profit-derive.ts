import type { GrossProfitRow } from '@shared/reports.schema';

export interface GpFilter {
  productLine: string | null;
  country: string | null;
}

export const NO_FILTER: GpFilter = { productLine: null, country: null };

export function applyFilter(rows: GrossProfitRow[], filter: GpFilter): GrossProfitRow[] {
  return rows.filter(
    (r) =>
      (filter.productLine === null || r.product_line === filter.productLine) &&
      (filter.country === null || r.country === filter.country),
  );
}

/** "Company 4 · Bread": how a company-item reads on a chart axis. */
export function companyItemLabel(row: GrossProfitRow): string {
  return `${row.company_name} · ${row.item}`;
}

/**
 * The best and worst company-items by margin. Rows without revenue have no meaningful margin and
 * are left out; ties keep the report's order (id, item) so the charts are stable.
 */
export function marginExtremes(
  rows: GrossProfitRow[],
  count = 10,
): { top: GrossProfitRow[]; bottom: GrossProfitRow[] } {
  const priced = rows.filter((r) => r.revenue_usd > 0);
  const sorted = [...priced].sort((a, b) => b.gross_margin_pct - a.gross_margin_pct);
  return { top: sorted.slice(0, count), bottom: sorted.slice(-count).reverse() };
}
