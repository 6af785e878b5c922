import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
} from '@aws-sdk/client-s3';
import { toS3CallError } from './aws-s3-errors';
import { s3Call, type S3Context } from './aws-s3-objects';
import type { S3Listing, S3ObjectHead } from './s3-api';

/** The read side of S3: buckets, delimiter listings, HeadObject, ranged and streamed GETs. */

export async function listBuckets(ctx: S3Context, signal?: AbortSignal) {
  const out = await s3Call(ctx, 'ListBuckets', '', undefined, () =>
    ctx.client.send(new ListBucketsCommand({}), { abortSignal: signal }),
  );
  return (out.Buckets ?? []).map((b) => ({
    name: b.Name ?? '',
    ...(b.CreationDate ? { createdAt: b.CreationDate.toISOString() } : {}),
  }));
}

export async function listObjects(
  ctx: S3Context,
  bucket: string,
  prefix: string,
  page: { delimiter?: string; token?: string; maxKeys?: number },
  signal?: AbortSignal,
): Promise<S3Listing> {
  const out = await s3Call(ctx, 'ListObjectsV2', bucket, prefix, () =>
    ctx.client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix || undefined,
        Delimiter: page.delimiter,
        ContinuationToken: page.token,
        MaxKeys: page.maxKeys,
      }),
      { abortSignal: signal },
    ),
  );
  return {
    folders: (out.CommonPrefixes ?? []).map((p) => p.Prefix ?? '').filter(Boolean),
    objects: (out.Contents ?? []).map((o) => ({
      key: o.Key ?? '',
      size: o.Size ?? 0,
      ...(o.LastModified ? { modifiedAt: o.LastModified.toISOString() } : {}),
      ...(o.ETag ? { etag: o.ETag } : {}),
      ...(o.StorageClass ? { storageClass: o.StorageClass } : {}),
    })),
    ...(out.IsTruncated && out.NextContinuationToken ? { nextToken: out.NextContinuationToken } : {}),
  };
}

type HeadLike = {
  ContentLength?: number;
  LastModified?: Date;
  ETag?: string;
  StorageClass?: string;
  ContentType?: string;
  ServerSideEncryption?: string;
  SSEKMSKeyId?: string;
  Metadata?: Record<string, string>;
};

function toHead(out: HeadLike): S3ObjectHead {
  return {
    size: out.ContentLength ?? 0,
    ...(out.LastModified ? { modifiedAt: out.LastModified.toISOString() } : {}),
    ...(out.ETag ? { etag: out.ETag } : {}),
    // S3 leaves the header out for STANDARD.
    storageClass: out.StorageClass ?? 'STANDARD',
    ...(out.ContentType ? { contentType: out.ContentType } : {}),
    ...(out.ServerSideEncryption ? { encryption: out.ServerSideEncryption } : {}),
    ...(out.SSEKMSKeyId ? { kmsKeyId: out.SSEKMSKeyId } : {}),
    metadata: out.Metadata ?? {},
  };
}

export async function headObject(
  ctx: S3Context,
  bucket: string,
  key: string,
  signal?: AbortSignal,
): Promise<S3ObjectHead | undefined> {
  try {
    return toHead(
      await ctx.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal }),
    );
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) return undefined;
    throw toS3CallError(error, 'HeadObject', ctx.site, bucket, key);
  }
}

export async function getRange(
  ctx: S3Context,
  bucket: string,
  key: string,
  start: number,
  end: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  return s3Call(ctx, 'GetObject', bucket, key, async () => {
    const out = await ctx.client.send(
      new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end}` }),
      { abortSignal: signal },
    );
    return Buffer.from((await out.Body?.transformToByteArray()) ?? new Uint8Array());
  });
}

export async function getStream(
  ctx: S3Context,
  bucket: string,
  key: string,
  signal?: AbortSignal,
): Promise<{ body: Readable; head: S3ObjectHead }> {
  return s3Call(ctx, 'GetObject', bucket, key, async () => {
    const out = await ctx.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), {
      abortSignal: signal,
    });
    return { body: out.Body as Readable, head: toHead(out) };
  });
}
