import { createHash } from 'node:crypto';
import { LakeError } from '@shared/errors';
import type { S3Api, S3WriteOptions } from '../storage/s3-api';
import { S3CallError } from '../storage/s3-api';
import { fingerprint } from './preflight';
import type { SlotLimiter } from './slot-limiter';
import type { TransferRecord } from './transfer-record';

/** What the upload steps of one transfer work with. */
export interface UploadContext {
  record: TransferRecord;
  api: S3Api;
  signal: AbortSignal;
  /** Part slots shared by every file (the queue's concurrency). */
  parts: SlotLimiter;
  /** The part size chosen in the options, in bytes (raised for very large files). */
  partSize: number;
  writeOptions: S3WriteOptions;
  /** Journals the record's current state. */
  save(): Promise<void>;
  /** S3 acknowledged `bytes` more. */
  acknowledged(bytes: number): void;
  /** S3 already held `bytes` when this run began (a resumed upload): progress, but not speed. */
  resumedAt(bytes: number): void;
}

/** S3 allows 10,000 parts: a 100 GB file cannot go in 8 MiB parts. */
const MAX_PARTS = 10_000;
const MiB = 1024 * 1024;

export function choosePartSize(size: number, wanted: number): number {
  const least = Math.ceil(size / MAX_PARTS / MiB) * MiB;
  return Math.max(wanted, least, 5 * MiB);
}

export const md5Hex = (data: Uint8Array) => createHash('md5').update(data).digest('hex');
export const bareEtag = (etag: string | undefined) => (etag ?? '').replace(/"/g, '');

/**
 * Whether an ETag S3 returns is the MD5 of the bytes sent. True on S3-compatible servers without
 * KMS; on AWS itself S3 checks a SHA-256 per request instead (and with SSE-KMS ETags are opaque).
 */
export function etagIsMd5(ctx: UploadContext): boolean {
  return ctx.api.isCustomEndpoint && ctx.record.encryption.mode !== 'sse-kms';
}

/** A part or object S3 received differently than it was sent: sending it again usually fixes it. */
export function corrupted(what: string): S3CallError {
  return new S3CallError(
    'AWS_ERROR',
    `S3 received ${what} with different bytes than were sent (its ETag is not the MD5 of the data).`,
    'Lakedesk sends it again; if this keeps happening, check proxies between you and S3.',
    'BadDigest',
    true,
  );
}

/**
 * The source must be the file that was checked: a file rewritten during the upload would make an
 * object that is neither the old nor the new one.
 */
export async function requireUnchanged(record: TransferRecord): Promise<void> {
  const now = await fingerprint(record.source.path);
  const was = record.checked!;
  if (now.size !== was.size || now.mtimeMs !== was.mtimeMs) {
    throw new LakeError(
      'INVALID_DATA',
      `${record.source.display} changed while it was being uploaded (size ${was.size} → ${now.size} bytes, modified ${new Date(now.mtimeMs).toISOString()}); nothing was completed in S3.`,
      'Wait until whatever writes the file has finished, then retry: it is checked and uploaded again from the start.',
    );
  }
}
