import { z } from 'zod';
import { BundleChart, BundleManifest } from './bundle-manifest.schema';
import { ChartSpec, Cell, ColumnInfo, RowSet } from './results.schema';
import { ParamValues, SortSpec } from './queries.schema';

/** What to export: the gross profit report, the KPI dashboard, a query result, or a saved query. */
export const ExportSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grossProfit') }),
  /** The five KPI queries; `month` is the top-orders query's parameter (its default when absent). */
  z.object({ kind: z.literal('kpis'), month: z.string().optional() }),
  /**
   * A result from `queries.run`, still held by the engine. `sql`, `params` and `savedId` are the
   * QueryResult's own fields, recorded in the manifest as they ran.
   */
  z.object({
    kind: z.literal('result'),
    resultId: z.string(),
    sql: z.string(),
    params: ParamValues.default({}),
    savedId: z.string().optional(),
    title: z.string().optional(),
    chart: ChartSpec.optional(),
  }),
  /** A saved query run now with these parameters. */
  z.object({ kind: z.literal('saved'), savedId: z.string(), params: ParamValues.default({}) }),
]);
export type ExportSource = z.infer<typeof ExportSource>;

/**
 * Where an export goes: an absolute path the person chose (save dialog), with the right extension;
 * without one, a new file in the app's downloads folder (browser mode offers it for download).
 */
const OutPath = z.string().min(1).optional();

/** A file an export wrote. */
export const ExportedFile = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number(),
  /** Written to the app's downloads folder (no `out` given): browser mode serves it by `fileName`. */
  inDownloads: z.boolean(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

/** What differs between a bundle and its checksums. */
export const IntegrityProblem = z.object({
  member: z.string(),
  problem: z.enum(['modified', 'missing', 'unexpected', 'unreadable', 'unverifiable']),
  message: z.string(),
});
export type IntegrityProblem = z.infer<typeof IntegrityProblem>;

export const BundleIntegrity = z.object({
  /** True when every member and the manifest match checksums.json. */
  verified: z.boolean(),
  problems: z.array(IntegrityProblem),
});
export type BundleIntegrity = z.infer<typeof BundleIntegrity>;

export const OpenedTable = z.object({
  name: z.string(),
  title: z.string(),
  columns: z.array(ColumnInfo),
  rowCount: z.number(),
  /** False when its Parquet member could not be read (see the integrity problems). */
  loaded: z.boolean(),
});
export type OpenedTable = z.infer<typeof OpenedTable>;

/** A chart to re-render: its spec and its rows (x, then each y), as `rowsToSeries` takes them. */
export const OpenedChart = BundleChart.extend({ data: RowSet });
export type OpenedChart = z.infer<typeof OpenedChart>;

export const OpenedBundle = z.object({
  bundleId: z.string(),
  path: z.string(),
  fileName: z.string(),
  bytes: z.number(),
  manifest: BundleManifest,
  integrity: BundleIntegrity,
  tables: z.array(OpenedTable),
  charts: z.array(OpenedChart),
});
export type OpenedBundle = z.infer<typeof OpenedBundle>;

/** One grid filter: bound as a parameter, never spliced into SQL. */
export const PageFilter = z.object({
  column: z.string(),
  op: z.enum(['contains', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'isNull', 'notNull']),
  value: z.union([z.string(), z.number()]).optional(),
});
export type PageFilter = z.infer<typeof PageFilter>;

export const BundleQueryResult = z.object({
  resultId: z.string(),
  columns: z.array(ColumnInfo),
  rowCount: z.number(),
  elapsedMs: z.number(),
  firstRows: z.array(z.array(Cell)),
});

export const RecentBundle = z.object({
  path: z.string(),
  fileName: z.string(),
  title: z.string(),
  kind: z.string(),
  createdAt: z.string(),
  openedAt: z.string(),
  /** Whether the file is still there (checked when listed). */
  exists: z.boolean(),
});
export type RecentBundle = z.infer<typeof RecentBundle>;

const BundleFrom = z.union([z.object({ path: z.string().min(1) }), z.object({ bundleId: z.string() })]);

export const bundlesContract = {
  /** Writes a report bundle (`.lakereport`): data as Parquet and CSV, charts, PDF summary, checksums. */
  'reports.exportBundle': {
    input: z.object({ source: ExportSource, out: OutPath, title: z.string().max(200).optional() }),
    output: z.object({ jobId: z.string() }),
    job: ExportedFile,
  },
  /**
   * Opens a bundle offline: verifies checksums (problems come back as warnings, naming the member),
   * loads its tables into a private in-memory DuckDB. A truncated or foreign file is an error.
   */
  'reports.openBundle': {
    input: z.object({ path: z.string().min(1), remember: z.boolean().default(true) }),
    output: OpenedBundle,
  },
  /** Saves a bundle sent by browser mode (a file picked in the browser) and returns its path to open. */
  'reports.importBundle': {
    input: z.object({ fileName: z.string().min(1).max(255), dataBase64: z.string().min(1) }),
    output: z.object({ path: z.string() }),
  },
  /** Runs a query (DuckDB SQL, Athena functions too) over an open bundle's tables. */
  'reports.queryBundle': {
    input: z.object({ bundleId: z.string(), sql: z.string().min(1) }),
    output: BundleQueryResult,
  },
  /** A page of a bundled table or of a `reports.queryBundle` result: sorted, filtered, like queries.page. */
  'reports.pageBundle': {
    input: z.object({
      bundleId: z.string(),
      target: z.union([z.object({ table: z.string() }), z.object({ resultId: z.string() })]),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(5000),
      sort: SortSpec.default([]),
      filters: z.array(PageFilter).max(50).default([]),
    }),
    output: z.object({ columns: z.array(ColumnInfo), rows: z.array(z.array(Cell)), rowCount: z.number() }),
  },
  /** Frees an open bundle's DuckDB. */
  'reports.closeBundle': { input: z.object({ bundleId: z.string() }), output: z.object({}) },
  /** Reports exported or opened lately, newest first (kept in the app's home). */
  'reports.recentBundles': { input: z.object({}), output: z.array(RecentBundle) },
  /** Takes a report off the recent list (the file stays). */
  'reports.forgetRecentBundle': { input: z.object({ path: z.string() }), output: z.array(RecentBundle) },
  /** A bundle as an Excel workbook: a sheet per table, typed cells, chart data, an About sheet. */
  'reports.exportXlsx': {
    input: z.object({ from: BundleFrom, out: OutPath }),
    output: z.object({ jobId: z.string() }),
    job: ExportedFile,
  },
  /** A bundle's PDF summary, saved as its own file (checked against the bundle's checksums first). */
  'reports.exportPdf': { input: z.object({ from: BundleFrom, out: OutPath }), output: ExportedFile },
} as const;
