import { z } from 'zod';

/** One cell of a result grid. Decimals arrive as numbers for display; exports keep exact text. */
export const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Cell = z.infer<typeof Cell>;

export const ColumnInfo = z.object({
  name: z.string(),
  /** The engine's type name, e.g. VARCHAR, DECIMAL(18,2), DATE, BIGINT. */
  type: z.string(),
});
export type ColumnInfo = z.infer<typeof ColumnInfo>;

/** A rectangle of rows: columns once, then rows as arrays in column order. */
export const RowSet = z.object({
  columns: z.array(ColumnInfo),
  rows: z.array(z.array(Cell)),
});
export type RowSet = z.infer<typeof RowSet>;

/** How a result is drawn as a chart (saved queries carry one; any result can get one). */
export const ChartSpec = z.object({
  type: z.enum(['bar', 'line', 'pie', 'doughnut']),
  /** Column for categories / the x axis. */
  x: z.string(),
  /** One or more numeric columns, one dataset each. */
  y: z.array(z.string()).min(1),
  title: z.string().optional(),
  /** Draw bars horizontally (long category names such as customer ids). */
  horizontal: z.boolean().optional(),
});
export type ChartSpec = z.infer<typeof ChartSpec>;
