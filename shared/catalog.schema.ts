import { z } from 'zod';
import {
  CatalogDatabase,
  Crawler,
  CrawlerMatch,
  CrawlOutcome,
  CrawlRun,
  PartitionPage,
  S3Uri,
  TableDetail,
  TablePage,
  TablePermissions,
  WorkspaceRef,
} from './glue.schema';
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

const TableRef = WorkspaceRef.extend({ database: z.string().min(1), table: z.string().min(1) });
const CrawlerRef = WorkspaceRef.extend({ name: z.string().min(1).max(255) });

/**
 * catalog.*: the lake's tables. `listTables` and `crawl` are the local lake's; the rest take an
 * optional `workspaceId` (default: the active workspace). Tables (`listDatabases`, `searchTables`,
 * `getTable`, `listPartitions`) work in both kinds of workspace; crawlers and permissions need an AWS
 * workspace (Glue, Lake Formation) and fail with NO_WORKSPACE in a local one.
 */
export const catalogContract = {
  /** The tables of the last crawl (none before the first). Local lake. */
  'catalog.listTables': { input: z.object({}), output: Catalog },
  /** Finds the lake's tables (the local twin of a Glue crawler). Local lake. */
  'catalog.crawl': { input: z.object({}), output: z.object({ jobId: z.string() }), job: CrawlResult },
  /** Glue databases (a local lake has one, `lake`). */
  'catalog.listDatabases': { input: WorkspaceRef, output: z.object({ databases: z.array(CatalogDatabase) }) },
  /**
   * Tables of a database (default: all databases), filtered by `search` (name, column or location,
   * case-insensitive), one page at a time: pass `nextToken` back for the next page.
   */
  'catalog.searchTables': {
    input: WorkspaceRef.extend({
      database: z.string().optional(),
      search: z.string().max(200).optional(),
      nextToken: z.string().optional(),
      maxResults: z.number().int().min(1).max(500).default(100),
    }),
    output: TablePage,
  },
  /** One table: columns, partition keys, location, classification, and the saved queries that read it. */
  'catalog.getTable': { input: TableRef, output: TableDetail },
  /** A page of a table's partitions (Glue GetPartitions). */
  'catalog.listPartitions': {
    input: TableRef.extend({
      nextToken: z.string().optional(),
      maxResults: z.number().int().min(1).max(1000).default(100),
    }),
    output: PartitionPage,
  },
  /**
   * The signed-in role's effective Lake Formation permissions on a table, each needed permission
   * checked and every missing one explained. A refusal of the lookup itself is an AWS_ERROR naming
   * the table and the permission missing.
   */
  'catalog.tablePermissions': { input: TableRef, output: TablePermissions },
  /** Every crawler with its state, last crawl and metrics (Glue GetCrawlers + GetCrawlerMetrics). */
  'catalog.listCrawlers': { input: WorkspaceRef, output: z.object({ crawlers: z.array(Crawler) }) },
  'catalog.getCrawler': { input: CrawlerRef, output: Crawler },
  /** A crawler's past runs, newest first (Glue ListCrawls). */
  'catalog.crawlerHistory': {
    input: CrawlerRef.extend({ maxResults: z.number().int().min(1).max(100).default(20) }),
    output: z.object({ runs: z.array(CrawlRun) }),
  },
  /**
   * Starts a crawler and watches it: `catalog.crawlerChanged` on every change, `catalog.crawlEnded`
   * when the run ends. Returns the crawler as it is right after the start.
   */
  'catalog.startCrawler': { input: CrawlerRef, output: Crawler },
  /** Stops a running crawler; watching goes on until it is READY (LastCrawl CANCELLED). */
  'catalog.stopCrawler': { input: CrawlerRef, output: Crawler },
  /** Creates a crawler over one S3 prefix (for users whose role may; AccessDenied is explained). */
  'catalog.createCrawler': {
    input: WorkspaceRef.extend({
      name: z
        .string()
        .min(1)
        .max(255)
        .regex(/^[^\n\r]+$/),
      role: z.string().min(1),
      database: z.string().min(1),
      s3Path: S3Uri,
      schedule: z
        .string()
        .regex(/^cron\(.+\)$/, 'a Glue schedule such as cron(0 2 * * ? *)')
        .optional(),
      tablePrefix: z.string().optional(),
      description: z.string().max(2048).optional(),
    }),
    output: Crawler,
  },
  /** The pipeline link: crawlers whose S3 targets cover an uploaded prefix (offered after an upload). */
  'catalog.crawlersForPrefix': {
    input: WorkspaceRef.extend({ s3Uri: S3Uri }),
    output: z.object({ crawlers: z.array(CrawlerMatch) }),
  },
  /**
   * Watches every running crawler until it ends (events as for startCrawler); polling backs off while
   * nothing changes and stops when nothing runs. Call it when the crawlers view opens.
   */
  'catalog.watchCrawlers': { input: WorkspaceRef, output: z.object({ watching: z.array(z.string()) }) },
  /**
   * Long work: waits for a crawler's run to end (starting it first with `start`). Cancelling the job
   * stops the crawler and waits until it is READY. A FAILED crawl fails the job (RUN_FAILED).
   */
  'catalog.waitForCrawl': {
    input: CrawlerRef.extend({ start: z.boolean().default(false) }),
    output: z.object({ jobId: z.string() }),
    job: CrawlOutcome,
  },
} as const;

/** Events of the catalog area (spread into `events` in contract.ts). */
export const catalogEvents = {
  /** A watched crawler changed (state, last crawl, metrics). */
  'catalog.crawlerChanged': z.object({ workspaceId: z.string(), crawler: Crawler }),
  /**
   * A watched crawl ended (SUCCEEDED, FAILED or CANCELLED), with the tables it changed and the saved
   * queries that read them. `title` and `body` are ready for an OS notification.
   */
  'catalog.crawlEnded': z.object({
    workspaceId: z.string(),
    outcome: CrawlOutcome,
    title: z.string(),
    body: z.string(),
  }),
} as const;
