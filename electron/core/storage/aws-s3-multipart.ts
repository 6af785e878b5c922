import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { s3Call, writeFields, type S3Context } from './aws-s3-objects';
import type { S3MultipartUpload, S3Part, S3WriteOptions } from './s3-api';

export async function createMultipart(
  ctx: S3Context,
  bucket: string,
  key: string,
  options: S3WriteOptions,
  signal?: AbortSignal,
): Promise<string> {
  const out = await s3Call(ctx, 'CreateMultipartUpload', bucket, key, () =>
    ctx.client.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ...writeFields(ctx, options) }),
      { abortSignal: signal },
    ),
  );
  if (!out.UploadId)
    throw new Error(`CreateMultipartUpload for s3://${bucket}/${key} returned no upload id.`);
  return out.UploadId;
}

/** One part from a buffer: a buffer body can be sent again as it is, so the SDK's retries are safe. */
export async function uploadPart(
  ctx: S3Context,
  bucket: string,
  key: string,
  uploadId: string,
  partNumber: number,
  body: Buffer,
  signal?: AbortSignal,
): Promise<S3Part> {
  const out = await s3Call(ctx, 'UploadPart', bucket, key, () =>
    ctx.client.send(
      new UploadPartCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        PartNumber: partNumber,
        Body: body,
        ContentLength: body.length,
        ...(ctx.isCustom ? {} : { ChecksumAlgorithm: 'SHA256' as const }),
      }),
      { abortSignal: signal },
    ),
  );
  return {
    partNumber,
    etag: out.ETag ?? '',
    size: body.length,
    ...(out.ChecksumSHA256 ? { checksumSha256: out.ChecksumSHA256 } : {}),
  };
}

/** Every part S3 holds for an upload (all pages). */
export async function listParts(
  ctx: S3Context,
  bucket: string,
  key: string,
  uploadId: string,
  signal?: AbortSignal,
): Promise<S3Part[]> {
  const parts: S3Part[] = [];
  let marker: string | undefined;
  for (;;) {
    const out = await s3Call(ctx, 'ListParts', bucket, key, () =>
      ctx.client.send(
        new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumberMarker: marker }),
        { abortSignal: signal },
      ),
    );
    for (const p of out.Parts ?? []) {
      parts.push({
        partNumber: p.PartNumber ?? 0,
        etag: p.ETag ?? '',
        ...(p.Size !== undefined ? { size: p.Size } : {}),
        ...(p.ChecksumSHA256 ? { checksumSha256: p.ChecksumSHA256 } : {}),
      });
    }
    if (!out.IsTruncated || !out.NextPartNumberMarker) return parts;
    marker = out.NextPartNumberMarker;
  }
}

export async function completeMultipart(
  ctx: S3Context,
  bucket: string,
  key: string,
  uploadId: string,
  parts: readonly S3Part[],
  signal?: AbortSignal,
): Promise<{ etag?: string }> {
  const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  const out = await s3Call(ctx, 'CompleteMultipartUpload', bucket, key, () =>
    ctx.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: {
          Parts: sorted.map((p) => ({
            PartNumber: p.partNumber,
            ETag: p.etag,
            ...(p.checksumSha256 ? { ChecksumSHA256: p.checksumSha256 } : {}),
          })),
        },
      }),
      { abortSignal: signal },
    ),
  );
  return out.ETag ? { etag: out.ETag } : {};
}

export async function abortMultipart(
  ctx: S3Context,
  bucket: string,
  key: string,
  uploadId: string,
): Promise<void> {
  await s3Call(ctx, 'AbortMultipartUpload', bucket, key, () =>
    ctx.client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })),
  );
}

/** Every incomplete multipart upload under a prefix of a bucket (all pages). */
export async function listUploads(
  ctx: S3Context,
  bucket: string,
  prefix: string,
  signal?: AbortSignal,
): Promise<S3MultipartUpload[]> {
  const uploads: S3MultipartUpload[] = [];
  let keyMarker: string | undefined;
  let idMarker: string | undefined;
  for (;;) {
    const out = await s3Call(ctx, 'ListMultipartUploads', bucket, prefix, () =>
      ctx.client.send(
        new ListMultipartUploadsCommand({
          Bucket: bucket,
          Prefix: prefix || undefined,
          KeyMarker: keyMarker,
          UploadIdMarker: idMarker,
        }),
        { abortSignal: signal },
      ),
    );
    for (const u of out.Uploads ?? []) {
      if (!u.Key || !u.UploadId) continue;
      uploads.push({
        key: u.Key,
        uploadId: u.UploadId,
        ...(u.Initiated ? { initiatedAt: u.Initiated.toISOString() } : {}),
      });
    }
    if (!out.IsTruncated) return uploads;
    keyMarker = out.NextKeyMarker;
    idMarker = out.NextUploadIdMarker;
  }
}
