import { S3ServiceException } from '@aws-sdk/client-s3';
import { LakeError } from '@shared/errors';
import { S3CallError } from './s3-api';

/** The IAM action each call needs: what an AccessDenied is about. */
const ACTIONS: Record<string, string> = {
  ListBuckets: 's3:ListAllMyBuckets',
  ListObjectsV2: 's3:ListBucket',
  HeadObject: 's3:GetObject',
  GetObject: 's3:GetObject',
  PutObject: 's3:PutObject',
  DeleteObject: 's3:DeleteObject',
  DeleteObjects: 's3:DeleteObject',
  CreateMultipartUpload: 's3:PutObject',
  UploadPart: 's3:PutObject',
  CompleteMultipartUpload: 's3:PutObject',
  ListParts: 's3:ListMultipartUploadParts',
  AbortMultipartUpload: 's3:AbortMultipartUpload',
  ListMultipartUploads: 's3:ListBucketMultipartUploads',
};

const THROTTLING = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired', 'RequestExpired']);
const NETWORK =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|socket hang up|TimeoutError|RequestTimeout/;

/** Where a call went and as whom, for messages. */
export interface S3CallSite {
  endpoint?: string;
  /** e.g. "role FinanceAnalyst in finance-prod", or "profile emulator-s3". */
  who: string;
}

function resourceOf(call: string, bucket: string, key?: string): string {
  if (!bucket) return '*';
  const bucketLevel = call === 'ListObjectsV2' || call === 'ListMultipartUploads';
  return `arn:aws:s3:::${bucket}${key && !bucketLevel ? `/${key}` : ''}`;
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

/**
 * An S3 failure as a person can act on it: AccessDenied names the IAM action and the resource,
 * a missing bucket or object says which, throttling and dropped connections are marked transient.
 */
export function toS3CallError(
  error: unknown,
  call: string,
  site: S3CallSite,
  bucket: string,
  key?: string,
): LakeError {
  if (error instanceof LakeError) return error;
  const e = (error ?? {}) as { name?: string; code?: string; message?: string };
  if (e.name === 'AbortError') return new LakeError('CANCELLED', 'Cancelled.');
  const name = error instanceof S3ServiceException ? error.name : (e.code ?? e.name ?? 'Error');
  const status = statusOf(error);
  const what = key ? `s3://${bucket}/${key}` : bucket ? `s3://${bucket}` : 'S3';
  const where = site.endpoint ? ` at ${site.endpoint}` : '';
  const detail = e.message && e.message !== name ? e.message : name;
  if (name === 'AccessDenied' || name === 'AccessDeniedException' || status === 403) {
    const action = ACTIONS[call] ?? `s3:${call}`;
    const resource = resourceOf(call, bucket, key);
    return new S3CallError(
      'AWS_ERROR',
      `S3 refused ${action} on ${resource} for ${site.who} (${call}: ${detail}).`,
      `Ask your AWS administrator to allow ${action} on ${resource}${name.startsWith('KMS') ? ' and use of the KMS key' : ''}, or choose another bucket or role.`,
      'AccessDenied',
      false,
    );
  }
  if (name === 'NoSuchBucket')
    return new S3CallError(
      'NOT_FOUND',
      `There is no bucket ${bucket}${where}.`,
      'Check the bucket name (and the region of the workspace).',
      name,
      false,
    );
  if (EXPIRED.has(name)) {
    // Credentials that ran out between signing and arriving: the next try signs with fresh ones.
    return new S3CallError(
      'AWS_ERROR',
      `${call} on ${what} was refused: the credentials had just expired.`,
      'Lakedesk fetches new ones and tries again.',
      name,
      true,
    );
  }
  if (name === 'NoSuchUpload')
    return new S3CallError(
      'NOT_FOUND',
      `The multipart upload for ${what} no longer exists${where}.`,
      'It was aborted or completed elsewhere; start the upload again.',
      name,
      false,
    );
  if (name === 'NoSuchKey' || name === 'NotFound' || status === 404)
    return new S3CallError(
      'NOT_FOUND',
      `${what} does not exist${where}.`,
      'It may have been deleted or moved: refresh the folder.',
      'NoSuchKey',
      false,
    );
  if (name.startsWith('KMS.') || name === 'KMSNotFoundException')
    return new S3CallError(
      'BAD_INPUT',
      `S3 could not use the KMS key for ${what}: ${detail}.`,
      'Check the KMS key id or alias (and that the role may use it), or choose SSE-S3.',
      name,
      false,
    );
  const isThrottled = THROTTLING.has(name) || status === 429 || status === 503;
  const isNetwork = NETWORK.test(`${e.code ?? ''} ${name} ${e.message ?? ''}`);
  if (isThrottled || isNetwork || (status !== undefined && status >= 500)) {
    const why = isThrottled
      ? 'was throttled'
      : isNetwork
        ? 'could not reach S3'
        : `failed on the server (${status})`;
    return new S3CallError(
      'AWS_ERROR',
      `${call} on ${what} ${why}${where} and still failed after retries: ${detail}.`,
      'Check the network (VPN, proxy); Lakedesk will try again.',
      isNetwork ? (e.code ?? name) : name,
      true,
    );
  }
  return new S3CallError(
    'AWS_ERROR',
    `${call} on ${what} failed${where}: ${name} — ${detail}.`,
    'Try again; if it keeps failing, report it with this message.',
    name,
    false,
  );
}
