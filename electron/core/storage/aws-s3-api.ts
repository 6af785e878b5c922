import { createS3Client, isCustomEndpoint, type ClientTarget } from '../aws-clients';
import * as multipart from './aws-s3-multipart';
import * as objects from './aws-s3-objects';
import * as reads from './aws-s3-reads';
import type { S3Api } from './s3-api';

/**
 * The S3 calls over the SDK's S3 client. `who` names the caller in AccessDenied messages
 * ("role FinanceAnalyst in finance-prod"). Retries of single requests (throttling, 5xx, dropped
 * connections) are the SDK's retry strategy, configured in aws-clients.ts.
 */
/**
 * Gives up on a call as soon as `signal` fires. The SDK checks its abort signal only once a request
 * is on the wire; a call still waiting for credentials (a paused sign-in) would otherwise hold a
 * paused or cancelled transfer until someone signs in.
 */
function cut<T>(call: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return call;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(Object.assign(new Error('Cancelled.'), { name: 'AbortError' }));
    // Settling the call is always handled, even after giving up on it.
    call.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function createS3Api(target: ClientTarget, who: string): S3Api {
  const isCustom = isCustomEndpoint(target.endpoint);
  const ctx: objects.S3Context = {
    client: createS3Client(target),
    site: { who, ...(target.endpoint ? { endpoint: target.endpoint } : {}) },
    isCustom,
  };
  return {
    isCustomEndpoint: isCustom,
    listBuckets: (signal) => cut(reads.listBuckets(ctx, signal), signal),
    list: (bucket, prefix, page, signal) => cut(reads.listObjects(ctx, bucket, prefix, page, signal), signal),
    head: (bucket, key, signal) => cut(reads.headObject(ctx, bucket, key, signal), signal),
    getRange: (bucket, key, start, end, signal) =>
      cut(reads.getRange(ctx, bucket, key, start, end, signal), signal),
    getStream: (bucket, key, signal) => cut(reads.getStream(ctx, bucket, key, signal), signal),
    put: (bucket, key, body, options, signal) =>
      cut(objects.putObject(ctx, bucket, key, body, options, signal), signal),
    deleteMany: (bucket, keys, signal) => cut(objects.deleteMany(ctx, bucket, keys, signal), signal),
    createMultipart: (bucket, key, options, signal) =>
      cut(multipart.createMultipart(ctx, bucket, key, options, signal), signal),
    uploadPart: (bucket, key, id, n, body, signal) =>
      cut(multipart.uploadPart(ctx, bucket, key, id, n, body, signal), signal),
    listParts: (bucket, key, id, signal) => cut(multipart.listParts(ctx, bucket, key, id, signal), signal),
    complete: (bucket, key, id, parts, signal) =>
      cut(multipart.completeMultipart(ctx, bucket, key, id, parts, signal), signal),
    abort: (bucket, key, id) => multipart.abortMultipart(ctx, bucket, key, id),
    listUploads: (bucket, prefix, signal) => cut(multipart.listUploads(ctx, bucket, prefix, signal), signal),
    destroy: () => ctx.client.destroy(),
  };
}
