import type { Rollup } from '@shared/reports.schema';
import { centsToNumber, percentOf } from './money';

/** A report row's money in cents, as rounded in the report (roll-ups add what the rows show). */
export interface RowCents {
  revenue: bigint;
  cogs: bigint;
  grossProfit: bigint;
}

function rollup(key: string, rows: readonly RowCents[]): Rollup {
  const sum = (pick: (r: RowCents) => bigint) => rows.reduce((total, r) => total + pick(r), 0n);
  const revenue = sum((r) => r.revenue);
  const grossProfit = sum((r) => r.grossProfit);
  return {
    key,
    revenue_usd: centsToNumber(revenue),
    cogs_usd: centsToNumber(sum((r) => r.cogs)),
    gross_profit_usd: centsToNumber(grossProfit),
    gross_margin_pct: percentOf(grossProfit, revenue),
  };
}

/** Totals of all rows. */
export function totalOf(rows: readonly RowCents[]): Rollup {
  return rollup('total', rows);
}

/** One roll-up per key (product line, country…), ordered by key. */
export function rollupBy<R extends RowCents>(rows: readonly R[], keyOf: (row: R) => string): Rollup[] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.keys()].sort().map((key) => rollup(key, groups.get(key)!));
}
