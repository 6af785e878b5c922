import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { LakeError } from '@shared/errors';
import { s3CodeOf } from '../storage/s3-api';
import { META } from '../storage/object-metadata';
import { partBuffers } from './part-buffers';
import { sourceProblem } from './preflight';
import type { JournalPart } from './transfer-record';
import {
  bareEtag,
  corrupted,
  etagIsMd5,
  md5Hex,
  requireUnchanged,
  type UploadContext,
} from './upload-context';

/**
 * Starts the multipart upload, or picks up the journaled one: ListParts says which finished parts
 * S3 really holds (same number, same ETag); the rest are sent again. An upload S3 no longer knows
 * (aborted, expired by a lifecycle rule) is started afresh.
 */
async function ensureUpload(ctx: UploadContext): Promise<void> {
  const rec = ctx.record;
  if (rec.uploadId) {
    try {
      const held = await ctx.api.listParts(rec.bucket, rec.key, rec.uploadId, ctx.signal);
      const byNumber = new Map(held.map((p) => [p.partNumber, p]));
      rec.parts = rec.parts.filter((p) => {
        const s3 = byNumber.get(p.partNumber);
        return (
          s3 !== undefined &&
          bareEtag(s3.etag) === bareEtag(p.etag) &&
          (s3.size === undefined || s3.size === p.size)
        );
      });
      rec.note = `Resumed: ${rec.parts.length} part${rec.parts.length === 1 ? '' : 's'} already in S3.`;
    } catch (error) {
      if (s3CodeOf(error) !== 'NoSuchUpload') throw error;
      rec.uploadId = undefined;
      rec.parts = [];
      rec.note = 'S3 no longer had the earlier upload; it was started again.';
    }
  }
  if (!rec.uploadId) {
    rec.uploadId = await ctx.api.createMultipart(rec.bucket, rec.key, ctx.writeOptions, ctx.signal);
    rec.parts = [];
  }
  // Journaled before any part is sent, so a crash leaves an upload that can be resumed or aborted.
  await ctx.save();
}

async function sendPart(
  ctx: UploadContext,
  file: FileHandle,
  partNumber: number,
  signal: AbortSignal,
): Promise<void> {
  const rec = ctx.record;
  const partSize = rec.partSize!;
  const release = await ctx.parts.acquire(signal);
  try {
    const offset = (partNumber - 1) * partSize;
    const length = Math.min(partSize, rec.size - offset);
    const body = partBuffers.take(length);
    const { bytesRead } = await file.read(body, 0, length, offset).catch((error: NodeJS.ErrnoException) => {
      throw sourceProblem(error, rec.source.display);
    });
    if (bytesRead !== length) await requireUnchanged(rec);
    const md5 = md5Hex(body);
    const sent = await ctx.api.uploadPart(rec.bucket, rec.key, rec.uploadId!, partNumber, body, signal);
    if (etagIsMd5(ctx) && bareEtag(sent.etag) !== md5) throw corrupted(`part ${partNumber} of ${rec.name}`);
    const part: JournalPart = {
      partNumber,
      etag: sent.etag,
      size: length,
      md5,
      ...(sent.checksumSha256 ? { checksumSha256: sent.checksumSha256 } : {}),
    };
    rec.parts.push(part);
    partBuffers.give(body);
    ctx.acknowledged(length);
    void ctx.save().catch(() => undefined);
  } finally {
    release();
  }
}

/** Sends every missing part, at most the queue's concurrency at once across all files. */
async function sendParts(ctx: UploadContext): Promise<void> {
  const rec = ctx.record;
  const total = Math.ceil(rec.size / rec.partSize!);
  const done = new Set(rec.parts.map((p) => p.partNumber));
  ctx.resumedAt(rec.parts.reduce((sum, p) => sum + p.size, 0));
  const failed = new AbortController();
  const signal = AbortSignal.any([ctx.signal, failed.signal]);
  const file = await open(rec.source.path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw sourceProblem(error, rec.source.display);
  });
  try {
    const remaining = Array.from({ length: total }, (_, i) => i + 1).filter((n) => !done.has(n));
    // The first failure stops the rest: its error, not the others' aborts, is what is reported.
    await Promise.all(
      remaining.map((n) =>
        sendPart(ctx, file, n, signal).catch((error: unknown) => {
          failed.abort(error);
          throw error;
        }),
      ),
    );
  } finally {
    await file.close();
  }
}

/** S3's ETag of a multipart object, when it is the MD5 of the parts' MD5s: checked against ours. */
function checkAssembled(ctx: UploadContext, etag: string | undefined): void {
  const match = /^([0-9a-f]{32})-(\d+)$/.exec(bareEtag(etag));
  if (!match || !etagIsMd5(ctx)) return;
  const sorted = [...ctx.record.parts].sort((a, b) => a.partNumber - b.partNumber);
  const expected = createHash('md5')
    .update(Buffer.concat(sorted.map((p) => Buffer.from(p.md5, 'hex'))))
    .digest('hex');
  if (match[1] !== expected || Number(match[2]) !== sorted.length) throw corrupted(ctx.record.name);
}

/**
 * Completes the upload. When the answer is lost (a dropped connection after S3 assembled the
 * object, so the upload id is gone), the object is checked instead: it is ours when it carries
 * this transfer's id and size.
 */
async function complete(ctx: UploadContext): Promise<void> {
  const rec = ctx.record;
  try {
    const { etag } = await ctx.api.complete(rec.bucket, rec.key, rec.uploadId!, rec.parts, ctx.signal);
    checkAssembled(ctx, etag);
  } catch (error) {
    if (ctx.signal.aborted || (error instanceof LakeError && error.code === 'CANCELLED')) throw error;
    const head = await ctx.api.head(rec.bucket, rec.key, ctx.signal).catch(() => undefined);
    if (head?.metadata[META.transferId] !== rec.id || head.size !== rec.size) throw error;
  }
}

/** A multipart upload from its journal state to a completed object. */
export async function uploadMultipart(ctx: UploadContext): Promise<void> {
  ctx.record.partSize ??= ctx.partSize;
  await ensureUpload(ctx);
  await sendParts(ctx);
  await requireUnchanged(ctx.record);
  await complete(ctx);
}
