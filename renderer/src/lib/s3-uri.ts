/** `s3://bucket/key` as the storage area's path (`bucket/key`), or undefined for anything else. */
export function s3UriToLakePath(uri: string): string | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** The folder part of an S3 URI or lake path: everything up to the last `/`. */
export function parentPrefix(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at + 1);
}

/** The last segment of a path, for showing a file by its name. */
export function baseName(path: string): string {
  return path.replace(/\/$/, '').split('/').at(-1) ?? path;
}
