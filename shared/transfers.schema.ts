import { z } from 'zod';
import { LakeErrorShape } from './errors';
import { Finding } from './storage.schema';

/**
 * What to upload: a local file or folder by absolute path (the desktop gives dropped files' paths),
 * or the bytes of a small file (browser mode, until it has an upload route). `key` overrides the
 * proposed object key (from `transfers.inspect`) for this one source.
 */
export const TransferSource = z.union([
  z.object({ path: z.string().min(1), key: z.string().optional(), dataset: z.string().optional() }),
  z.object({
    name: z.string().min(1),
    /** At most 32 MiB of data: larger files need a path. */
    dataBase64: z.string().max(Math.ceil((32 * 1024 * 1024) / 3) * 4),
    key: z.string().optional(),
    dataset: z.string().optional(),
  }),
]);
export type TransferSource = z.infer<typeof TransferSource>;

/** Which identity the S3 calls go out as: an AWS workspace (default: the active one) or a config profile. */
const TargetFields = { workspaceId: z.string().optional(), profile: z.string().optional() };

export const EncryptionChoice = z.object({
  /** `bucketDefault` sends nothing (the bucket's default applies); `sse-kms` without a key uses aws/s3. */
  mode: z.enum(['bucketDefault', 'sse-s3', 'sse-kms']).default('bucketDefault'),
  kmsKeyId: z.string().min(1).optional(),
});
export type EncryptionChoice = z.infer<typeof EncryptionChoice>;

/**
 * A transfer's life: `checking` (preflight: validation and SHA-256) → `queued` → `uploading` →
 * `verifying` → `done`. It may stop at `held` (findings: resolve with skip/quarantine/recheck), at
 * `conflict` (an object is already there: resolve with skip/overwrite/keepBoth), `paused`, or
 * `retrying` (waiting to try again after throttling or a lost connection). Final: `done`,
 * `skipped`, `failed`, `cancelled`.
 */
export const TransferState = z.enum([
  'checking',
  'held',
  'conflict',
  'queued',
  'uploading',
  'retrying',
  'paused',
  'verifying',
  'done',
  'skipped',
  'failed',
  'cancelled',
]);
export type TransferState = z.infer<typeof TransferState>;

/** One file in the queue, as the UI shows it. */
export const TransferItem = z.object({
  id: z.string(),
  /** The files of one drop (one `transfers.enqueue`) share a batch. */
  batchId: z.string(),
  name: z.string(),
  /** The local path, or `(uploaded) name` for bytes sent by the UI. */
  source: z.string(),
  size: z.number(),
  bucket: z.string(),
  key: z.string(),
  uri: z.string(),
  dataset: z.string().nullable(),
  state: TransferState,
  /** Bytes S3 has acknowledged. */
  bytesDone: z.number(),
  /** Bytes read by the preflight (validation and hashing) so far. */
  checkedBytes: z.number(),
  bytesPerSecond: z.number(),
  etaSeconds: z.number().optional(),
  parts: z.object({ done: z.number(), total: z.number() }).optional(),
  /** Up to 100 findings of the preflight (all of them from `transfers.findings`). */
  findings: z.array(Finding),
  findingCount: z.number(),
  rows: z.number().optional(),
  /** Sent to `quarantine/…` because it had findings and the person chose so. */
  quarantined: z.boolean(),
  /** The object already at `key` (state `conflict`, or why it was skipped). */
  conflict: z
    .object({ size: z.number(), modifiedAt: z.string().optional(), sameContent: z.boolean() })
    .optional(),
  /** A remark for the person: "empty file", "identical object already in S3", "resumed from part 12". */
  note: z.string().optional(),
  error: LakeErrorShape.optional(),
  attempts: z.number(),
  retryAt: z.string().optional(),
  sha256: z.string().optional(),
  encryption: EncryptionChoice,
  /** Glue crawlers whose targets cover the uploaded object, when the catalog area can tell. */
  crawlers: z.array(z.object({ name: z.string(), s3Target: z.string().optional() })).optional(),
  createdAt: z.string(),
  /** When its first byte went to S3 (after the preflight). */
  uploadStartedAt: z.string().optional(),
  endedAt: z.string().optional(),
});
export type TransferItem = z.infer<typeof TransferItem>;

export const TransferOptions = z.object({
  /** Multipart part size in MiB (S3 allows 5 MiB – 5 GiB; raised by itself to stay under 10,000 parts). */
  partSizeMb: z.number().int().min(5).max(5120),
  /** Parts in flight at once, across all files. */
  concurrency: z.number().int().min(1).max(32),
  /** Files uploading at once. */
  maxActiveFiles: z.number().int().min(1).max(16),
});
export type TransferOptions = z.infer<typeof TransferOptions>;

export const TransferTotals = z.object({
  files: z.number(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  bytesPerSecond: z.number(),
  etaSeconds: z.number().optional(),
  /** How many transfers are in each state. */
  byState: z.record(z.string(), z.number()),
  /** True while anything is checking, uploading or waiting to retry. */
  isActive: z.boolean(),
});

/** The whole queue: what `transfers.list` returns and `transfers.changed` carries. */
export const TransferSnapshot = z.object({
  transfers: z.array(TransferItem),
  totals: TransferTotals,
  options: TransferOptions,
});
export type TransferSnapshot = z.infer<typeof TransferSnapshot>;

/** A file of a drop with its recognised dataset and proposed destination (before any upload). */
export const InspectedFile = z.object({
  source: z.string(),
  name: z.string(),
  size: z.number(),
  dataset: z.string().nullable(),
  isCsv: z.boolean(),
  bucket: z.string(),
  key: z.string(),
  uri: z.string(),
});
export type InspectedFile = z.infer<typeof InspectedFile>;

export const IncompleteUpload = z.object({
  bucket: z.string(),
  key: z.string(),
  uploadId: z.string(),
  initiatedAt: z.string().optional(),
  /** Set when this Lakedesk knows the upload (its journal): then it can be resumed. */
  transferId: z.string().optional(),
  isResumable: z.boolean(),
  source: z.string().optional(),
  partsDone: z.number().optional(),
  bytesDone: z.number().optional(),
});
export type IncompleteUpload = z.infer<typeof IncompleteUpload>;

/** Which transfers a queue call is about; none means all it applies to. */
export const TransferIds = z.object({ ids: z.array(z.string()).optional() });

export { TargetFields };
