import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { toS3CallError, type S3CallSite } from './aws-s3-errors';
import type { S3Encryption, S3WriteOptions } from './s3-api';

/** What every call needs: the client, where and as whom (for messages), and the endpoint kind. */
export interface S3Context {
  client: S3Client;
  site: S3CallSite;
  isCustom: boolean;
}

/** Runs one SDK call, turning its failure into an S3CallError about `bucket`/`key`. */
export async function s3Call<T>(
  ctx: S3Context,
  call: string,
  bucket: string,
  key: string | undefined,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toS3CallError(error, call, ctx.site, bucket, key);
  }
}

/** The SDK fields for an encryption choice ("bucket default" sends none). */
export function encryptionFields(encryption: S3Encryption | undefined) {
  if (encryption?.mode === 'sse-s3') return { ServerSideEncryption: 'AES256' as const };
  if (encryption?.mode === 'sse-kms')
    return {
      ServerSideEncryption: 'aws:kms' as const,
      ...(encryption.kmsKeyId ? { SSEKMSKeyId: encryption.kmsKeyId } : {}),
    };
  return {};
}

/** Fields every write carries; on AWS itself S3 also checks a SHA-256 per request. */
export function writeFields(ctx: S3Context, options: S3WriteOptions) {
  return {
    Metadata: options.metadata,
    ...(options.contentType ? { ContentType: options.contentType } : {}),
    ...encryptionFields(options.encryption),
    ...(ctx.isCustom ? {} : { ChecksumAlgorithm: 'SHA256' as const }),
  };
}

export async function putObject(
  ctx: S3Context,
  bucket: string,
  key: string,
  body: Buffer,
  options: S3WriteOptions,
  signal?: AbortSignal,
) {
  const out = await s3Call(ctx, 'PutObject', bucket, key, () =>
    ctx.client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentLength: body.length,
        ...writeFields(ctx, options),
      }),
      { abortSignal: signal },
    ),
  );
  return out.ETag ? { etag: out.ETag } : {};
}

/**
 * Deletes keys: DeleteObjects in batches of 1,000 on AWS; one by one on custom endpoints, whose
 * batch delete often wants a Content-MD5 the SDK no longer sends (s3rver does).
 */
export async function deleteMany(
  ctx: S3Context,
  bucket: string,
  keys: readonly string[],
  signal?: AbortSignal,
): Promise<number> {
  let deleted = 0;
  if (ctx.isCustom) {
    for (const key of keys) {
      await s3Call(ctx, 'DeleteObject', bucket, key, () =>
        ctx.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal }),
      );
      deleted += 1;
    }
    return deleted;
  }
  for (let i = 0; i < keys.length; i += 1000) {
    const batch = keys.slice(i, i + 1000);
    const out = await s3Call(ctx, 'DeleteObjects', bucket, batch[0], () =>
      ctx.client.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
        { abortSignal: signal },
      ),
    );
    const failed = out.Errors ?? [];
    if (failed.length > 0) {
      const first = failed[0]!;
      throw toS3CallError(
        { name: first.Code, message: first.Message },
        'DeleteObjects',
        ctx.site,
        bucket,
        first.Key,
      );
    }
    deleted += batch.length;
  }
  return deleted;
}
