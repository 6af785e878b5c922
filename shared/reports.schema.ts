import { z } from 'zod';

/** One row of the gross profit report (DOMAIN.md), money rounded to cents. */
export const GrossProfitRow = z.object({
  id: z.string(),
  company_name: z.string(),
  country: z.string(),
  product_line: z.string(),
  item: z.string(),
  revenue_usd: z.number(),
  units_sold: z.number(),
  cost_per_unit_usd: z.number(),
  cogs_usd: z.number(),
  gross_profit_usd: z.number(),
  gross_margin_pct: z.number(),
});
export type GrossProfitRow = z.infer<typeof GrossProfitRow>;

export const Rollup = z.object({
  key: z.string(),
  revenue_usd: z.number(),
  cogs_usd: z.number(),
  gross_profit_usd: z.number(),
  gross_margin_pct: z.number(),
});
export type Rollup = z.infer<typeof Rollup>;

export const GrossProfitReport = z.object({
  rows: z.array(GrossProfitRow),
  totals: Rollup,
  byProductLine: z.array(Rollup),
  byCountry: z.array(Rollup),
  /** Revenue side only, by month of `bill_date` (YYYY-MM). */
  byMonth: z.array(z.object({ month: z.string(), revenue_usd: z.number() })),
  /** Bills left out, counted by reason. */
  exclusions: z.array(z.object({ reason: z.string(), count: z.number() })),
  generatedAt: z.string(),
});
export type GrossProfitReport = z.infer<typeof GrossProfitReport>;

export const reportsContract = {
  /** Computes the gross profit report from the lake's billing, units_sold and production_costs. */
  'reports.grossProfit': {
    input: z.object({}),
    output: z.object({ jobId: z.string() }),
    job: GrossProfitReport,
  },
} as const;
