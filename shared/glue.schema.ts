import { z } from 'zod';

/*
 * The AWS side of the catalog area: Glue databases, tables, partitions and crawlers, and Lake
 * Formation permissions, as the UI sees them. Times are ISO 8601 strings.
 */

/** Optional on every catalog/clusters call: the workspace to act in (default: the active one). */
export const WorkspaceRef = z.object({ workspaceId: z.string().optional() });

/** An S3 location, `s3://bucket/prefix/`. */
export const S3Uri = z
  .string()
  .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, 'an S3 URI such as s3://bucket/prefix/');

export const CatalogDatabase = z.object({
  name: z.string(),
  description: z.string().optional(),
  locationUri: z.string().optional(),
  createdAt: z.string().optional(),
});
export type CatalogDatabase = z.infer<typeof CatalogDatabase>;

export const TableColumn = z.object({ name: z.string(), type: z.string(), comment: z.string().optional() });
export type TableColumn = z.infer<typeof TableColumn>;

/** A saved query (shared/sql/saved-queries.ts) that reads a table. */
export const SavedQueryRef = z.object({ id: z.string(), name: z.string(), tables: z.array(z.string()) });
export type SavedQueryRef = z.infer<typeof SavedQueryRef>;

/** A table as listed and searched. */
export const TableSummary = z.object({
  database: z.string(),
  name: z.string(),
  /** `s3://…/` for Glue; the lake folder (e.g. `raw/billing/`) for a local lake. */
  location: z.string(),
  /** Glue's classification (csv, parquet, json…), `unknown` when the table has none. */
  classification: z.string(),
  columns: z.array(TableColumn),
  partitionKeys: z.array(TableColumn),
  updatedAt: z.string().optional(),
  /** The crawler that last wrote the table, when one did. */
  updatedByCrawler: z.string().optional(),
  recordCount: z.number().optional(),
  sizeBytes: z.number().optional(),
});
export type TableSummary = z.infer<typeof TableSummary>;

export const TablePage = z.object({ tables: z.array(TableSummary), nextToken: z.string().optional() });
export type TablePage = z.infer<typeof TablePage>;

/** One table in full: its summary, storage details and the saved queries that read it. */
export const TableDetail = TableSummary.extend({
  tableType: z.string().optional(),
  inputFormat: z.string().optional(),
  serde: z.string().optional(),
  parameters: z.record(z.string(), z.string()),
  createdAt: z.string().optional(),
  createdBy: z.string().optional(),
  savedQueries: z.array(SavedQueryRef),
});
export type TableDetail = z.infer<typeof TableDetail>;

export const TablePartition = z.object({
  values: z.array(z.string()),
  location: z.string(),
  createdAt: z.string().optional(),
});
export const PartitionPage = z.object({
  partitions: z.array(TablePartition),
  nextToken: z.string().optional(),
});
export type PartitionPage = z.infer<typeof PartitionPage>;

export const CrawlerState = z.enum(['READY', 'RUNNING', 'STOPPING']);
export const CrawlStatus = z.enum(['SUCCEEDED', 'FAILED', 'CANCELLED']);
export type CrawlStatus = z.infer<typeof CrawlStatus>;

export const LastCrawl = z.object({
  status: CrawlStatus,
  startedAt: z.string(),
  errorMessage: z.string().optional(),
  /** CloudWatch Logs group and stream of the run (for "open the log"). */
  logGroup: z.string().optional(),
  logStream: z.string().optional(),
});

export const CrawlerMetrics = z.object({
  timeLeftSeconds: z.number(),
  stillEstimating: z.boolean(),
  lastRuntimeSeconds: z.number(),
  medianRuntimeSeconds: z.number(),
  tablesCreated: z.number(),
  tablesUpdated: z.number(),
  tablesDeleted: z.number(),
});

export const Crawler = z.object({
  name: z.string(),
  state: CrawlerState,
  role: z.string(),
  database: z.string(),
  description: z.string().optional(),
  /** S3 target paths. */
  targets: z.array(z.object({ path: z.string(), exclusions: z.array(z.string()) })),
  tablePrefix: z.string().optional(),
  schedule: z.object({ expression: z.string(), state: z.string() }).optional(),
  lastCrawl: LastCrawl.optional(),
  /** How long the running crawl has taken so far, ms (absent when READY: see metrics.lastRuntimeSeconds). */
  elapsedMs: z.number().optional(),
  metrics: CrawlerMetrics.optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type Crawler = z.infer<typeof Crawler>;

/** One run in a crawler's history (Glue ListCrawls). */
export const CrawlRun = z.object({
  id: z.string(),
  state: z.enum(['RUNNING', 'COMPLETED', 'FAILED', 'STOPPED']),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  durationSeconds: z.number().optional(),
  summary: z.string().optional(),
  errorMessage: z.string().optional(),
  logGroup: z.string().optional(),
  logStream: z.string().optional(),
  dpuHours: z.number().optional(),
});
export type CrawlRun = z.infer<typeof CrawlRun>;

export const TableChange = z.object({
  database: z.string(),
  name: z.string(),
  change: z.enum(['created', 'updated']),
  location: z.string(),
});
export type TableChange = z.infer<typeof TableChange>;

/** How a watched crawl ended: the pipeline link from a crawl to the tables and queries it touched. */
export const CrawlOutcome = z.object({
  crawler: Crawler,
  status: CrawlStatus,
  startedAt: z.string(),
  durationMs: z.number().optional(),
  errorMessage: z.string().optional(),
  changes: z.array(TableChange),
  tablesDeleted: z.number(),
  /** Saved queries that read a created or updated table. */
  savedQueries: z.array(SavedQueryRef),
});
export type CrawlOutcome = z.infer<typeof CrawlOutcome>;

export const PermissionCheck = z.object({
  permission: z.string(),
  /** What the permission is for, in words ("Query the table (Athena, EMR)"). */
  need: z.string(),
  granted: z.boolean(),
});

/** The signed-in role's effective Lake Formation permissions on one table. */
export const TablePermissions = z.object({
  database: z.string(),
  table: z.string(),
  location: z.string().optional(),
  roleName: z.string(),
  /** The principal the permissions are granted to, as Lake Formation names it. */
  principal: z.string(),
  permissions: z.array(z.string()),
  grantable: z.array(z.string()),
  /** Data location permissions on the table's S3 path (GetEffectivePermissionsForPath). */
  dataLocation: z.array(z.string()),
  checks: z.array(PermissionCheck),
  /** Missing permissions, explained: what cannot be done, and whom to ask. */
  missing: z.array(z.object({ permission: z.string(), explanation: z.string() })),
});
export type TablePermissions = z.infer<typeof TablePermissions>;

export const CrawlerMatch = z.object({
  crawler: Crawler,
  /** The crawler target that matched. */
  target: z.string(),
  /** `covers`: the target includes the whole prefix; `inside`: the target is a folder within it. */
  coverage: z.enum(['covers', 'inside']),
});
export type CrawlerMatch = z.infer<typeof CrawlerMatch>;
