import { readFile } from 'node:fs/promises';
import { LakeError } from '@shared/errors';
import { lakedeskMetadataOf } from '../storage/object-metadata';
import { sourceProblem } from './preflight';
import {
  bareEtag,
  corrupted,
  etagIsMd5,
  md5Hex,
  requireUnchanged,
  type UploadContext,
} from './upload-context';

/** A file of one part or less (empty files included): one PutObject from a buffer. */
export async function uploadSingle(ctx: UploadContext): Promise<void> {
  const rec = ctx.record;
  const body = await readFile(rec.source.path, { signal: ctx.signal }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.name === 'AbortError') throw error;
      throw sourceProblem(error, rec.source.display);
    },
  );
  // Read first, then checked: a file rewritten while it was read shows a new size or time.
  await requireUnchanged(rec);
  const { etag } = await ctx.api.put(rec.bucket, rec.key, body, ctx.writeOptions, ctx.signal);
  if (etagIsMd5(ctx) && etag !== undefined && bareEtag(etag) !== md5Hex(body)) throw corrupted(rec.name);
  ctx.acknowledged(body.length);
}

/**
 * The object as S3 now reports it: the size sent and the SHA-256 recorded in its metadata. A
 * mismatch means S3 holds something else than was checked (another writer raced us).
 */
export async function verifyObject(ctx: UploadContext): Promise<void> {
  const rec = ctx.record;
  const head = await ctx.api.head(rec.bucket, rec.key, ctx.signal);
  const recorded = head ? lakedeskMetadataOf(head.metadata)?.sha256 : undefined;
  if (!head || head.size !== rec.size || (recorded !== undefined && recorded !== rec.checked!.sha256)) {
    throw new LakeError(
      'INVALID_DATA',
      `After the upload, s3://${rec.bucket}/${rec.key} is ${head ? `${head.size} bytes with SHA-256 ${recorded ?? 'unknown'}` : 'missing'}, not the ${rec.size} bytes sent.`,
      'Someone else may have written the same key at the same time: check the object, then upload again.',
    );
  }
}
