import { z } from 'zod';
import { ColumnInfo } from './results.schema';

export const CatalogTable = z.object({
  name: z.string(),
  /** Lake folder the table reads, e.g. `raw/billing/`. */
  location: z.string(),
  format: z.enum(['csv', 'parquet']),
  columns: z.array(ColumnInfo),
  partitionKeys: z.array(z.string()),
  files: z.number(),
  sizeBytes: z.number(),
  updatedAt: z.string(),
});
export type CatalogTable = z.infer<typeof CatalogTable>;

export const Catalog = z.object({
  crawledAt: z.string().nullable(),
  tables: z.array(CatalogTable),
});
export type Catalog = z.infer<typeof Catalog>;

/** Like a Glue crawler's metrics for one run. */
export const CrawlResult = z.object({
  tablesCreated: z.array(z.string()),
  tablesUpdated: z.array(z.string()),
  tablesDeleted: z.array(z.string()),
  tables: z.number(),
  durationMs: z.number(),
  /** Folders that could not become tables, with why (mixed schemas, unreadable file…). */
  problems: z.array(z.object({ location: z.string(), message: z.string() })),
});
export type CrawlResult = z.infer<typeof CrawlResult>;

export const catalogContract = {
  /** The tables of the last crawl (none before the first). */
  'catalog.listTables': { input: z.object({}), output: Catalog },
  /** Finds the lake's tables (the local twin of a Glue crawler). */
  'catalog.crawl': { input: z.object({}), output: z.object({ jobId: z.string() }), job: CrawlResult },
} as const;
