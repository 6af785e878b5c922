import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { ServiceError } from './protocols';

const SSE = 'x-amz-server-side-encryption';
const SSE_KEY = 'x-amz-server-side-encryption-aws-kms-key-id';
const META_SSE = 'x-amz-meta-emulator-sse';
const META_KEY = 'x-amz-meta-emulator-sse-kms-key-id';

/** Key ids S3 would accept: a key ARN, an alias ARN, a key UUID or `alias/…`. */
const KMS_KEY =
  /^(arn:aws:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|alias\/.+)$/;

/**
 * s3rver ignores server-side encryption, but it keeps `x-amz-meta-*`. So on a write the SSE
 * headers are carried as hidden metadata, and on a read turned back into the headers S3 sends
 * (objects without a choice report SSE-S3, S3's default since 2023). A malformed KMS key id is
 * refused as S3 refuses it.
 */
export function encodeEncryption(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const mode = headers[SSE];
  if (typeof mode !== 'string') return headers;
  if (mode !== 'AES256' && mode !== 'aws:kms' && mode !== 'aws:kms:dsse') {
    throw new ServiceError(
      400,
      'InvalidArgument',
      `The encryption method specified is not supported: ${mode}`,
    );
  }
  const keyId = headers[SSE_KEY];
  if (typeof keyId === 'string' && !KMS_KEY.test(keyId)) {
    throw new ServiceError(400, 'KMS.NotFoundException', `Invalid keyId ${keyId}`);
  }
  const next: IncomingHttpHeaders = { ...headers, [META_SSE]: mode };
  if (typeof keyId === 'string') next[META_KEY] = keyId;
  delete next[SSE];
  delete next[SSE_KEY];
  return next;
}

/** The reverse of {@link encodeEncryption} on an object's response headers (GET, HEAD). */
export function decodeEncryption(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = { ...headers };
  const mode = headers[META_SSE];
  const keyId = headers[META_KEY];
  delete out[META_SSE];
  delete out[META_KEY];
  out[SSE] = typeof mode === 'string' ? mode : 'AES256';
  if (typeof keyId === 'string') out[SSE_KEY] = keyId;
  else if (mode === 'aws:kms') out[SSE_KEY] = 'arn:aws:kms:eu-west-1:000000000000:key/aws-s3-default';
  return out;
}
