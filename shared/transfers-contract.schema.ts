import { z } from 'zod';
import { Finding } from './storage.schema';
import {
  EncryptionChoice,
  IncompleteUpload,
  InspectedFile,
  TargetFields,
  TransferIds,
  TransferItem,
  TransferOptions,
  TransferSnapshot,
  TransferSource,
} from './transfers.schema';

/**
 * Where files go: a lake path of the AWS workspace (`bucket/prefix/`) or an `s3://bucket/prefix/`
 * URI. `template` adds a prefix per file from its dataset and data, e.g.
 * `raw/{dataset}/year={yyyy}/month={mm}/` ({yyyy}/{mm}/{dd} from the file's first date, else today);
 * without one, a drop on a bucket's root goes under the dataset's default prefix (`raw/billing/`).
 */
const Destination = {
  to: z.string().min(1),
  template: z.string().optional(),
};

/** The transfer queue: drag files into S3 with preflight validation, resumable multipart uploads. */
export const transfersContract = {
  /**
   * What a drop would do, before anything is sent: each file (folders expanded), its dataset
   * recognised from the header, and the object key proposed for it. Reads headers only.
   */
  'transfers.inspect': {
    input: z.object({ ...TargetFields, ...Destination, sources: z.array(TransferSource).min(1).max(1000) }),
    output: z.object({ files: z.array(InspectedFile) }),
  },
  /**
   * Queues files for upload and returns at once; the queue then checks each (validation with the
   * local lake's validator, SHA-256), holds files with findings or conflicts, and uploads the rest
   * (multipart, parallel, resumable). Follow it with `transfers.changed`.
   */
  'transfers.enqueue': {
    input: z.object({
      ...TargetFields,
      ...Destination,
      sources: z.array(TransferSource).min(1).max(1000),
      /** Check every CSV against this dataset instead of recognising it from the header. */
      dataset: z.string().optional(),
      encryption: EncryptionChoice.default({ mode: 'bucketDefault' }),
      /** An object already at the key: ask (state `conflict`), skip, overwrite, or keep both (`name (2).csv`). */
      onConflict: z.enum(['ask', 'skip', 'overwrite', 'keepBoth']).default('ask'),
      /** A file with findings: hold it (state `held`), skip it, or upload it under `quarantine/`. */
      onFindings: z.enum(['hold', 'skip', 'quarantine']).default('hold'),
    }),
    output: z.object({ batchId: z.string(), transfers: z.array(TransferItem) }),
  },
  /** Every transfer of this app (finished ones until cleared), totals, and the queue's options. */
  'transfers.list': { input: z.object({}), output: TransferSnapshot },
  /** All findings of a held transfer's preflight (up to 1,000 kept), for the findings table. */
  'transfers.findings': {
    input: z.object({ id: z.string() }),
    output: z.object({
      id: z.string(),
      dataset: z.string().nullable(),
      rows: z.number().optional(),
      findingCount: z.number(),
      findings: z.array(Finding),
    }),
  },
  /**
   * Decides about held or conflicting transfers: `skip`; `quarantine` (upload under
   * `quarantine/…`); `recheck` (validate again after fixing the file); `overwrite`; `keepBoth`.
   */
  'transfers.resolve': {
    input: z.object({
      ids: z.array(z.string()).min(1),
      action: z.enum(['skip', 'quarantine', 'recheck', 'overwrite', 'keepBoth']),
    }),
    output: TransferSnapshot,
  },
  /** Pauses transfers (parts in flight stop; finished parts are kept). */
  'transfers.pause': { input: TransferIds, output: TransferSnapshot },
  /** Resumes paused ones, and retries failed ones (from their finished parts when S3 still has them). */
  'transfers.resume': { input: TransferIds, output: TransferSnapshot },
  /** Cancels transfers: their multipart uploads are aborted, so S3 keeps nothing of them. */
  'transfers.cancel': { input: TransferIds, output: TransferSnapshot },
  /** Removes finished transfers (done, skipped, failed, cancelled) from the list. */
  'transfers.clearFinished': { input: z.object({}), output: TransferSnapshot },
  /** Part size, concurrency and files at once; kept for the next run. */
  'transfers.setOptions': { input: TransferOptions.partial(), output: TransferOptions },
  /**
   * Every incomplete multipart upload under a bucket (and prefix): ours (resumable) and others'.
   * They cost storage until completed or aborted.
   */
  'transfers.listIncomplete': {
    input: z.object({ ...TargetFields, bucket: z.string().min(3), prefix: z.string().default('') }),
    output: z.object({ uploads: z.array(IncompleteUpload) }),
  },
  /** Aborts an incomplete multipart upload (S3 frees its parts). */
  'transfers.abortIncomplete': {
    input: z.object({
      ...TargetFields,
      bucket: z.string().min(3),
      key: z.string().min(1),
      uploadId: z.string().min(1),
    }),
    output: z.object({ aborted: z.boolean() }),
  },
  /** Resumes an incomplete upload this Lakedesk journaled (`isResumable`), from its finished parts. */
  'transfers.resumeIncomplete': {
    input: z.object({ uploadId: z.string().min(1) }),
    output: TransferItem,
  },
} as const;

/** Events of the transfers area (spread into `events` in contract.ts). */
export const transfersEvents = {
  /** The queue changed: a file's state, progress, speed or ETA (at most ~4 a second). */
  'transfers.changed': TransferSnapshot,
} as const;
