import { z } from 'zod';
import { ColumnInfo, RowSet } from './results.schema';

/** A path inside the lake, `/`-separated, relative to its root: `raw/billing/2025.csv`. */
export const LakePath = z
  .string()
  .max(1024)
  .refine((p) => !p.split('/').includes('..'), 'must not contain ".." segments')
  .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p), 'must be relative to the lake root');

export const StorageEntry = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['folder', 'file']),
  size: z.number().optional(),
  modifiedAt: z.string().optional(),
  /** S3 objects: STANDARD, STANDARD_IA, GLACIER, … */
  storageClass: z.string().optional(),
  /** S3 objects: the ETag as S3 reports it (quoted). */
  etag: z.string().optional(),
  /** An AWS workspace lists its buckets at the root: they are folders with this set. */
  isBucket: z.boolean().optional(),
});
export type StorageEntry = z.infer<typeof StorageEntry>;

export const ColumnProfile = ColumnInfo.extend({
  nulls: z.number(),
  distinct: z.number(),
  min: z.string().nullable(),
  max: z.string().nullable(),
});
export type ColumnProfile = z.infer<typeof ColumnProfile>;

export const ValidationRule = z.enum([
  'columns',
  'ragged',
  'required',
  'enum',
  'date',
  'number',
  'min',
  'encoding',
]);
export type ValidationRule = z.infer<typeof ValidationRule>;

/** One finding: `line` is the 1-based physical line in the file (the header is line 1). */
export const Finding = z.object({
  line: z.number(),
  column: z.string(),
  rule: ValidationRule,
  value: z.string(),
  message: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const ValidationReport = z.object({
  ok: z.boolean(),
  /** Data rows read (the header not counted). */
  rows: z.number(),
  dataset: z.string(),
  errors: z.array(Finding),
  /** True when more findings exist than `errors` holds (the count is in `findingCount`). */
  truncated: z.boolean().optional(),
  findingCount: z.number().optional(),
});
export type ValidationReport = z.infer<typeof ValidationReport>;

export const DatasetColumn = z.object({
  name: z.string(),
  type: z.enum(['string', 'integer', 'decimal', 'date']),
  required: z.boolean().optional(),
  enum: z.array(z.string()).optional(),
  min: z.number().optional(),
  /** Extra date formats accepted on input besides YYYY-MM-DD. */
  dateFormats: z.array(z.string()).optional(),
});
export type DatasetColumn = z.infer<typeof DatasetColumn>;

/** A dataset contract (DOMAIN.md): built in, or a workspace's own JSON file of the same shape. */
export const DatasetContract = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  description: z.string().optional(),
  columns: z.array(DatasetColumn).min(1),
  /** Where its files go in the lake, e.g. `raw/billing/`. */
  defaultPrefix: z.string(),
  builtIn: z.boolean().optional(),
});
export type DatasetContract = z.infer<typeof DatasetContract>;

export const ImportedFile = z.object({
  name: z.string(),
  /** Where it landed (or would have): lake path. */
  path: z.string(),
  dataset: z.string().nullable(),
  status: z.enum(['imported', 'held', 'quarantined', 'skipped']),
  findings: z.array(Finding),
  findingCount: z.number(),
});
export type ImportedFile = z.infer<typeof ImportedFile>;

export const storageContract = {
  /**
   * Folders and files directly under a prefix ('' is the lake root). In an AWS workspace a path is
   * `bucket/key…`: '' lists the buckets, `bucket/` the top of a bucket. S3 listings come in pages:
   * pass `nextToken` back as `token` for the next one (a local lake answers in one page).
   */
  'storage.list': {
    input: z.object({
      prefix: z.string().default(''),
      token: z.string().optional(),
      pageSize: z.number().int().min(1).max(1000).optional(),
    }),
    output: z.object({
      prefix: z.string(),
      entries: z.array(StorageEntry),
      nextToken: z.string().optional(),
    }),
  },
  /**
   * The first rows of a CSV or Parquet file. An S3 CSV is read with a ranged GET of its first
   * `maxBytes` (default 256 KiB), never whole; `partial` says the rows are from that first part.
   */
  'storage.preview': {
    input: z.object({
      path: LakePath,
      limit: z.number().int().min(1).max(10_000).default(200),
      maxBytes: z
        .number()
        .int()
        .min(1024)
        .max(16 * 1024 * 1024)
        .optional(),
    }),
    output: RowSet.extend({ path: z.string(), partial: z.boolean().optional() }),
  },
  /**
   * Per-column type, nulls, distinct, min and max of a CSV or Parquet file (DataBrew-style). For
   * an S3 CSV larger than 32 MiB the profile is of its first 32 MiB (`sampledBytes` says so).
   */
  'storage.profile': {
    input: z.object({ path: LakePath }),
    output: z.object({
      path: z.string(),
      rows: z.number(),
      columns: z.array(ColumnProfile),
      sampledBytes: z.number().optional(),
    }),
  },
  /** The dataset contracts: built-ins plus the workspace's own (`.lakedesk/datasets/*.json`). */
  'storage.listDatasets': { input: z.object({}), output: z.array(DatasetContract) },
  /** Validates a lake file against a dataset (recognised from its header when not named). */
  'storage.validate': {
    input: z.object({ path: LakePath, dataset: z.string().optional() }),
    output: z.object({ jobId: z.string() }),
    job: ValidationReport,
  },
  /**
   * Copies dropped files into a folder after the same preflight validation as S3 uploads. A file
   * with findings is held back unless `onFindings` says to quarantine it (`quarantine/<prefix>`).
   */
  'storage.importFiles': {
    input: z.object({
      prefix: LakePath,
      files: z
        .array(z.object({ name: z.string().min(1), dataBase64: z.string() }))
        .min(1)
        .max(100),
      onFindings: z.enum(['hold', 'quarantine', 'skip']).default('hold'),
    }),
    output: z.object({ jobId: z.string() }),
    job: z.object({ files: z.array(ImportedFile) }),
  },
} as const;
