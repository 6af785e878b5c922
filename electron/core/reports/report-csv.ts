import type { GrossProfitRow, Rollup } from '@shared/reports.schema';
import { csvRecord } from '../engine/csv-text';

const money = (n: number) => n.toFixed(2);

/** The report's rows as CSV, columns exactly as DOMAIN.md names them, money to 2 decimals. */
export function grossProfitCsv(rows: readonly GrossProfitRow[]): string {
  const header = csvRecord([
    'id',
    'company_name',
    'country',
    'product_line',
    'item',
    'revenue_usd',
    'units_sold',
    'cost_per_unit_usd',
    'cogs_usd',
    'gross_profit_usd',
    'gross_margin_pct',
  ]);
  const lines = rows.map((r) =>
    csvRecord([
      r.id,
      r.company_name,
      r.country,
      r.product_line,
      r.item,
      money(r.revenue_usd),
      String(r.units_sold),
      money(r.cost_per_unit_usd),
      money(r.cogs_usd),
      money(r.gross_profit_usd),
      money(r.gross_margin_pct),
    ]),
  );
  return header + lines.join('');
}

/** Roll-ups as CSV under a key column name (e.g. `product_line`). */
export function rollupCsv(keyName: string, rollups: readonly Rollup[]): string {
  const header = csvRecord([keyName, 'revenue_usd', 'cogs_usd', 'gross_profit_usd', 'gross_margin_pct']);
  const lines = rollups.map((r) =>
    csvRecord([
      r.key,
      money(r.revenue_usd),
      money(r.cogs_usd),
      money(r.gross_profit_usd),
      money(r.gross_margin_pct),
    ]),
  );
  return header + lines.join('');
}
