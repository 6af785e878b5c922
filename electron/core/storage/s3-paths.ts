import { LakeError } from '@shared/errors';

/** A lake path of an AWS workspace split into bucket and key; `isFolder` when it ends in `/`. */
export interface S3Location {
  bucket: string;
  key: string;
  isFolder: boolean;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** `bucket/key…` (an AWS workspace's lake path) as bucket and key; '' has no bucket. */
export function parseS3Path(path: string): S3Location {
  const clean = path.replace(/\\/g, '/').replace(/^\/+/, '');
  const slash = clean.indexOf('/');
  const bucket = slash < 0 ? clean : clean.slice(0, slash);
  const key = slash < 0 ? '' : clean.slice(slash + 1);
  if (bucket !== '' && !BUCKET.test(bucket)) {
    throw new LakeError(
      'BAD_INPUT',
      `"${bucket}" is not a valid S3 bucket name.`,
      'Bucket names are 3–63 lower-case letters, digits, dots and hyphens.',
    );
  }
  return { bucket, key, isFolder: key === '' || key.endsWith('/') };
}

/** `s3://bucket/prefix/` as bucket and key prefix (the CLI's `--to`). */
export function parseS3Uri(uri: string): S3Location {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(uri.trim());
  if (!match)
    throw new LakeError('BAD_INPUT', `"${uri}" is not an S3 URI.`, 'Write it as s3://bucket/prefix/.');
  return parseS3Path(`${match[1]}/${match[2] ?? ''}`);
}

/** The lake path of a bucket and key. */
export function s3Path(bucket: string, key: string): string {
  return `${bucket}/${key}`;
}

/**
 * Checks an object key Lakedesk is about to write. Spaces and any Unicode are fine (S3 takes them
 * and the SDK encodes them); `..` segments, control characters, empty segments and over-long keys
 * are refused: many tools resolve `..` as a parent folder, and the others break listings.
 */
export function checkObjectKey(key: string): void {
  const problem =
    key === '' || key.endsWith('/')
      ? 'it names a folder, not a file'
      : key.split('/').some((s) => s === '..' || s === '.')
        ? 'it has a "." or ".." segment, which many tools read as a folder step'
        : key.split('/').some((s) => s === '')
          ? 'it has an empty segment (a double or leading "/")'
          : [...key].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
            ? 'it has control characters'
            : Buffer.byteLength(key, 'utf8') > 1024
              ? 'it is longer than S3’s 1,024 bytes'
              : undefined;
  if (problem) {
    throw new LakeError(
      'BAD_INPUT',
      `Cannot use the S3 key "${key}": ${problem}.`,
      'Rename the file or choose another destination.',
    );
  }
}
