import { z } from 'zod';
import { ParamValues } from './queries.schema';
import { ChartSpec, ColumnInfo } from './results.schema';

/** What `manifest.json` says it is; a zip without it is not a Lakedesk report. */
export const BUNDLE_FORMAT = 'lakedesk-report';
/** Bumped when a reader of an older version could misread a bundle. */
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_EXTENSION = '.lakereport';

/** Where the report's data came from: a local lake folder, or an AWS account + role + region. */
export const BundleWorkspace = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local'), name: z.string(), lakePath: z.string() }),
  z.object({
    kind: z.literal('aws'),
    name: z.string(),
    accountId: z.string(),
    accountName: z.string().optional(),
    roleName: z.string(),
    region: z.string(),
  }),
]);
export type BundleWorkspace = z.infer<typeof BundleWorkspace>;

/** One query that produced a table of the report, as it ran. */
export const BundleQuery = z.object({
  /** The bundled table holding its result. */
  table: z.string(),
  title: z.string(),
  savedId: z.string().optional(),
  sql: z.string(),
  /** Exactly the parameter values bound. */
  params: ParamValues,
  engine: z.enum(['duckdb', 'athena']),
  /** Athena's QueryExecutionId; absent for the local engine, which has none. */
  executionId: z.string().optional(),
  /** Athena's DataScannedInBytes; absent for the local engine. */
  dataScannedBytes: z.number().optional(),
  rowCount: z.number(),
  elapsedMs: z.number().optional(),
});
export type BundleQuery = z.infer<typeof BundleQuery>;

/** A table of the report, bundled as Parquet (typed) and CSV (exact text). */
export const BundleTable = z.object({
  /** A plain SQL name (`gross_profit`), usable unquoted in the bundle's SQL box. */
  name: z.string(),
  title: z.string(),
  columns: z.array(ColumnInfo),
  rowCount: z.number(),
  parquet: z.string(),
  csv: z.string(),
});
export type BundleTable = z.infer<typeof BundleTable>;

/** How a chart's values read: dollars, plain numbers or percentages. */
export const ValueFormat = z.enum(['usd', 'number', 'percent']);
export type ValueFormat = z.infer<typeof ValueFormat>;

/** A chart of the report: its spec over a bundled table, and the PNG it was rendered as. */
export const BundleChart = z.object({
  id: z.string(),
  title: z.string(),
  table: z.string(),
  spec: ChartSpec,
  /** The chart shows the table's first `rowLimit` rows (in table order). */
  rowLimit: z.number().int().positive(),
  /** Legend labels by `y` column, when nicer than the column name. */
  seriesLabels: z.record(z.string(), z.string()).default({}),
  /** How each `y` column's values read (default: plain numbers). */
  seriesFormats: z.record(z.string(), ValueFormat).default({}),
  /** The member holding this spec as JSON. */
  specPath: z.string(),
  /** The member holding the rendered chart; absent when it could not be drawn (see the notes). */
  png: z.string().optional(),
});
export type BundleChart = z.infer<typeof BundleChart>;

export const MemberRole = z.enum(['data-parquet', 'data-csv', 'chart-spec', 'chart-png', 'summary-pdf']);

export const BundleMember = z.object({
  path: z.string(),
  role: MemberRole,
  mediaType: z.string(),
  bytes: z.number(),
});
export type BundleMember = z.infer<typeof BundleMember>;

/** `manifest.json`: what the report is, where it came from, and every member it holds. */
export const BundleManifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int(),
  title: z.string(),
  kind: z.enum(['gross-profit', 'kpis', 'query']),
  createdAt: z.string(),
  appVersion: z.string(),
  workspace: BundleWorkspace,
  queries: z.array(BundleQuery),
  tables: z.array(BundleTable),
  charts: z.array(BundleChart),
  /** Headline figures (e.g. total revenue), as shown on the summary's first page. */
  highlights: z.array(z.object({ label: z.string(), value: z.string() })),
  /** What a reader must know (bills left out of the report, charts showing only the top rows…). */
  notes: z.array(z.string()),
  summaryPdf: z.string(),
  /** Every member but manifest.json and checksums.json themselves. */
  members: z.array(BundleMember),
});
export type BundleManifest = z.infer<typeof BundleManifest>;

/** `checksums.json`: the SHA-256 (hex) of every member and of manifest.json. */
export const BundleChecksums = z.object({
  algorithm: z.literal('SHA-256'),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type BundleChecksums = z.infer<typeof BundleChecksums>;
