import { z } from 'zod';
import { Cell, ChartSpec, ColumnInfo } from './results.schema';

export const QueryParameter = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(['text', 'number', 'date', 'month', 'choice']),
  default: z.string().optional(),
  /** For `choice`: the allowed values. */
  options: z.array(z.string()).optional(),
  description: z.string().optional(),
});
export type QueryParameter = z.infer<typeof QueryParameter>;

/** A saved query of the app's library (`shared/sql/*.sql` with its metadata). */
export const SavedQuery = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  sql: z.string(),
  parameters: z.array(QueryParameter),
  chart: ChartSpec.optional(),
  /** Tables the query reads, so a crawl can say which saved queries it affects. */
  tables: z.array(z.string()),
});
export type SavedQuery = z.infer<typeof SavedQuery>;

export const ParamValues = z.record(z.string(), z.union([z.string(), z.number()]));
export type ParamValues = z.infer<typeof ParamValues>;

/** A finished query: its result stays in the engine and is read page by page. */
export const QueryResult = z.object({
  resultId: z.string(),
  columns: z.array(ColumnInfo),
  rowCount: z.number(),
  elapsedMs: z.number(),
  /** Exactly the parameter values bound to the query. */
  params: ParamValues,
  savedId: z.string().optional(),
  sql: z.string(),
  /** The first page, so small results need no second call. */
  firstRows: z.array(z.array(Cell)),
});
export type QueryResult = z.infer<typeof QueryResult>;

export const SortSpec = z.array(z.object({ column: z.string(), direction: z.enum(['asc', 'desc']) }));

export const queriesContract = {
  /** The app's saved queries (KPI queries and the gross-profit report). */
  'queries.listSaved': { input: z.object({}), output: z.array(SavedQuery) },
  /** Runs SQL (Athena dialect) on the workspace's engine; parameters are bound, never spliced. */
  'queries.run': {
    input: z.object({
      sql: z.string().min(1).optional(),
      savedId: z.string().optional(),
      params: ParamValues.default({}),
    }),
    output: z.object({ jobId: z.string() }),
    job: QueryResult,
  },
  /** A page of a finished result, optionally sorted, without re-running the query. */
  'queries.page': {
    input: z.object({
      resultId: z.string(),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(5000),
      sort: SortSpec.default([]),
    }),
    output: z.object({ rows: z.array(z.array(Cell)), rowCount: z.number() }),
  },
  /**
   * A finished result as exact text, for exports: CSV (RFC 4180) or JSON, decimals keeping their
   * scale (`142.80`), which display cells (numbers) cannot promise.
   */
  'queries.exportResult': {
    input: z.object({ resultId: z.string(), format: z.enum(['csv', 'json']).default('csv') }),
    output: z.object({ text: z.string(), rowCount: z.number() }),
  },
  /** Frees a result the UI no longer shows. */
  'queries.discardResult': { input: z.object({ resultId: z.string() }), output: z.object({}) },
} as const;
