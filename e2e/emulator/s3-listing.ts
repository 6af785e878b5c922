import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeXml, ServiceError, xml, type EmulatorReply } from './protocols';

const OBJECT_SUFFIX = '._S3rver_object';

/** Every key of a bucket in s3rver's folder (its multipart scratch space left out). */
async function allKeys(dir: string, base = ''): Promise<string[]> {
  const keys: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (base === '' && entry.name === '._S3rver_uploads') continue;
      keys.push(...(await allKeys(join(dir, entry.name), `${base}${entry.name}/`)));
    } else if (entry.name.endsWith(OBJECT_SUFFIX)) {
      keys.push(`${base}${entry.name.slice(0, -OBJECT_SUFFIX.length)}`);
    }
  }
  return keys;
}

/** S3 orders keys by their UTF-8 bytes. */
const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

async function contentsXml(bucketDir: string, key: string, encode: (s: string) => string): Promise<string> {
  const file = join(bucketDir, `${key}${OBJECT_SUFFIX}`);
  const [info, md5, meta] = await Promise.all([
    stat(file),
    readFile(`${file}.md5`, 'utf8').catch(() => undefined),
    readFile(join(bucketDir, `${key}._S3rver_metadata.json`), 'utf8').catch(() => '{}'),
  ]);
  const storageClass = (JSON.parse(meta) as Record<string, string>)['x-amz-storage-class'] ?? 'STANDARD';
  return (
    `<Contents><Key>${encode(key)}</Key><LastModified>${info.mtime.toISOString()}</LastModified>` +
    `${md5 ? `<ETag>"${md5.trim()}"</ETag>` : ''}<Size>${info.size}</Size><StorageClass>${storageClass}</StorageClass></Contents>`
  );
}

/**
 * ListObjectsV2, answered from s3rver's folder: s3rver's own listing misses a common prefix whose
 * objects all sit deeper (`raw/` when only `raw/billing/x.csv` exists), which a lake browser
 * cannot live with. Keys and common prefixes share one order and one MaxKeys, as in S3.
 */
export async function listObjectsV2(
  dataDir: string,
  bucket: string,
  q: URLSearchParams,
): Promise<EmulatorReply> {
  const bucketDir = join(dataDir, bucket);
  if (!(await stat(bucketDir).catch(() => undefined)))
    throw new ServiceError(404, 'NoSuchBucket', 'The specified bucket does not exist');
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const maxKeys = Math.min(1000, Number(q.get('max-keys') ?? 1000));
  const token = q.get('continuation-token');
  const after = token ? Buffer.from(token, 'base64url').toString() : (q.get('start-after') ?? '');
  const isUrl = q.get('encoding-type') === 'url';
  const encode = (s: string) => escapeXml(isUrl ? encodeURIComponent(s).replace(/%2F/g, '/') : s);
  const entries: Array<{ name: string; isPrefix: boolean }> = [];
  for (const key of (await allKeys(bucketDir)).filter((k) => k.startsWith(prefix)).sort(byUtf8)) {
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    const name = cut >= 0 ? key.slice(0, cut + delimiter.length) : key;
    if (entries.at(-1)?.name === name) continue;
    if (after && byUtf8(name, after) <= 0) continue;
    entries.push({ name, isPrefix: cut >= 0 });
  }
  const page = entries.slice(0, maxKeys);
  const isTruncated = entries.length > page.length;
  const contents = await Promise.all(
    page.filter((e) => !e.isPrefix).map((e) => contentsXml(bucketDir, e.name, encode)),
  );
  const prefixes = page
    .filter((e) => e.isPrefix)
    .map((e) => `<CommonPrefixes><Prefix>${encode(e.name)}</Prefix></CommonPrefixes>`);
  const next = isTruncated
    ? `<NextContinuationToken>${Buffer.from(page.at(-1)!.name).toString('base64url')}</NextContinuationToken>`
    : '';
  return xml(
    `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
      `<Name>${escapeXml(bucket)}</Name><Prefix>${encode(prefix)}</Prefix><KeyCount>${page.length}</KeyCount>` +
      `<MaxKeys>${maxKeys}</MaxKeys>${delimiter ? `<Delimiter>${encode(delimiter)}</Delimiter>` : ''}` +
      `${isUrl ? '<EncodingType>url</EncodingType>' : ''}<IsTruncated>${isTruncated}</IsTruncated>` +
      `${token ? `<ContinuationToken>${escapeXml(token)}</ContinuationToken>` : ''}${next}` +
      `${contents.join('')}${prefixes.join('')}</ListBucketResult>`,
  );
}
