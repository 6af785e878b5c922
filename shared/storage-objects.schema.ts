import { z } from 'zod';
import { JobRef } from './jobs.schema';
import { LakePath } from './storage.schema';

/** Server-side encryption of an object, as S3 reports it. */
export const ObjectEncryption = z.object({
  /** `none` (local files), `AES256` (SSE-S3), `aws:kms` (SSE-KMS), `aws:kms:dsse`, or `unknown`. */
  type: z.string(),
  kmsKeyId: z.string().optional(),
});

/** Everything known about one file or object. */
export const ObjectDetails = z.object({
  path: z.string(),
  name: z.string(),
  size: z.number(),
  modifiedAt: z.string().optional(),
  etag: z.string().optional(),
  storageClass: z.string().optional(),
  contentType: z.string().optional(),
  encryption: ObjectEncryption.optional(),
  /** User metadata (S3 `x-amz-meta-*`, without the prefix). */
  metadata: z.record(z.string(), z.string()),
  /** What Lakedesk recorded when it uploaded the object (from the metadata). */
  lakedesk: z
    .object({
      sha256: z.string().optional(),
      dataset: z.string().optional(),
      uploadedBy: z.string().optional(),
      uploadedAt: z.string().optional(),
      sourceName: z.string().optional(),
    })
    .optional(),
  /** `s3://bucket/key` for an S3 object. */
  uri: z.string().optional(),
});
export type ObjectDetails = z.infer<typeof ObjectDetails>;

export const DownloadResult = z.object({
  path: z.string(),
  /** The local file written. */
  to: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  /** True when the object carried Lakedesk's SHA-256 and the bytes matched it. */
  verified: z.boolean(),
});
export type DownloadResult = z.infer<typeof DownloadResult>;

/** Storage calls on single objects: details, download, delete, new folder (both workspace kinds). */
export const storageObjectsContract = {
  /** Size, modified, storage class, encryption/KMS key, metadata and ETag of one file or object. */
  'storage.details': { input: z.object({ path: LakePath }), output: ObjectDetails },
  /**
   * Downloads a file or object to a local path the person chose (the save dialog's). Progress in
   * bytes on `jobs.changed`; written to a temp file and renamed, so a failure (a full disk, cancel)
   * leaves nothing behind. An existing file is replaced only with `overwrite`.
   */
  'storage.download': {
    input: z.object({ path: LakePath, to: z.string().min(1), overwrite: z.boolean().default(false) }),
    output: JobRef,
    job: DownloadResult,
  },
  /**
   * Deletes one file or object. A folder/prefix (path ending in `/`) is refused unless
   * `recursive` is true, and then everything under it goes. The UI asks for confirmation first.
   */
  'storage.delete': {
    input: z.object({
      path: LakePath.refine((p) => p !== '', 'name what to delete'),
      recursive: z.boolean().default(false),
    }),
    output: z.object({ path: z.string(), deleted: z.number() }),
  },
  /** Creates a folder (`raw/billing/2025/`); in S3 an empty `…/` marker object, as the console does. */
  'storage.createFolder': {
    input: z.object({ path: LakePath.refine((p) => p.replace(/\/+$/, '') !== '', 'name the folder') }),
    output: z.object({ path: z.string() }),
  },
} as const;
