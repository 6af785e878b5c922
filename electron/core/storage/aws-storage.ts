import { builtInDatasets } from '@shared/datasets';
import { LakeError } from '@shared/errors';
import type { ObjectDetails } from '@shared/storage-objects.schema';
import type { StorageEntry } from '@shared/storage.schema';
import { checkDownloadTarget, writeDownload } from './download-file';
import { lakedeskMetadataOf } from './object-metadata';
import type { S3Api } from './s3-api';
import { parseS3Path, type S3Location } from './s3-paths';
import { previewS3Object, profileS3Object, type Scratch } from './s3-preview';
import type { ListPage, StorageProvider } from './storage.provider';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function requireObject(path: string): S3Location {
  const at = parseS3Path(path);
  if (at.bucket === '' || at.isFolder) {
    throw new LakeError(
      'BAD_INPUT',
      `${path || '(root)'} is a bucket or folder, not an object.`,
      'Choose an object (a file).',
    );
  }
  return at;
}

async function listPage(
  api: S3Api,
  prefix: string,
  page: { token?: string; pageSize?: number },
): Promise<ListPage> {
  const at = parseS3Path(prefix);
  if (at.bucket === '') {
    const buckets = await api.listBuckets();
    const entries = buckets.map<StorageEntry>((b) => ({
      name: b.name,
      path: `${b.name}/`,
      kind: 'folder',
      isBucket: true,
      ...(b.createdAt ? { modifiedAt: b.createdAt } : {}),
    }));
    return { prefix: '', entries: entries.sort((a, b) => collator.compare(a.name, b.name)) };
  }
  const keyPrefix = at.key === '' || at.key.endsWith('/') ? at.key : `${at.key}/`;
  const listing = await api.list(at.bucket, keyPrefix, {
    delimiter: '/',
    ...(page.token !== undefined ? { token: page.token } : {}),
    maxKeys: page.pageSize ?? 1000,
  });
  const base = `${at.bucket}/`;
  const folders = listing.folders.map<StorageEntry>((p) => ({
    name: p.slice(keyPrefix.length).replace(/\/$/, ''),
    path: `${base}${p}`,
    kind: 'folder',
  }));
  const files = listing.objects
    .filter((o) => o.key !== keyPrefix)
    .map<StorageEntry>((o) => ({
      name: o.key.slice(keyPrefix.length),
      path: `${base}${o.key}`,
      kind: 'file',
      size: o.size,
      ...(o.modifiedAt ? { modifiedAt: o.modifiedAt } : {}),
      ...(o.etag ? { etag: o.etag } : {}),
      ...(o.storageClass ? { storageClass: o.storageClass } : {}),
    }));
  const byName = (a: StorageEntry, b: StorageEntry) => collator.compare(a.name, b.name);
  return {
    prefix: `${base}${keyPrefix}`,
    entries: [...folders.sort(byName), ...files.sort(byName)],
    ...(listing.nextToken ? { nextToken: listing.nextToken } : {}),
  };
}

async function details(api: S3Api, path: string, signal?: AbortSignal): Promise<ObjectDetails> {
  const at = requireObject(path);
  const head = await api.head(at.bucket, at.key, signal);
  if (!head)
    throw new LakeError(
      'NOT_FOUND',
      `s3://${at.bucket}/${at.key} does not exist.`,
      'It may have been deleted: refresh the folder.',
    );
  const lakedesk = lakedeskMetadataOf(head.metadata);
  return {
    path: `${at.bucket}/${at.key}`,
    name: at.key.split('/').pop() ?? at.key,
    size: head.size,
    metadata: head.metadata,
    uri: `s3://${at.bucket}/${at.key}`,
    storageClass: head.storageClass,
    encryption: { type: head.encryption ?? 'unknown', ...(head.kmsKeyId ? { kmsKeyId: head.kmsKeyId } : {}) },
    ...(head.modifiedAt ? { modifiedAt: head.modifiedAt } : {}),
    ...(head.etag ? { etag: head.etag } : {}),
    ...(head.contentType ? { contentType: head.contentType } : {}),
    ...(lakedesk ? { lakedesk } : {}),
  };
}

/** Every key under a prefix (no delimiter), for a recursive delete. */
async function keysUnder(
  api: S3Api,
  bucket: string,
  prefix: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await api.list(bucket, prefix, token === undefined ? {} : { token }, signal);
    keys.push(...page.objects.map((o) => o.key));
    token = page.nextToken;
  } while (token);
  return keys;
}

async function remove(api: S3Api, path: string, recursive: boolean, signal?: AbortSignal) {
  const at = parseS3Path(path);
  if (at.bucket === '') throw new LakeError('BAD_INPUT', 'Name a bucket, folder or object to delete.');
  if (!at.isFolder) {
    if (await api.head(at.bucket, at.key, signal))
      return { deleted: await api.deleteMany(at.bucket, [at.key], signal) };
    const under = await api.list(at.bucket, `${at.key}/`, { maxKeys: 1 }, signal);
    if (under.objects.length === 0)
      throw new LakeError('NOT_FOUND', `s3://${at.bucket}/${at.key} does not exist.`, 'Refresh the folder.');
  }
  const prefix = at.isFolder ? at.key : `${at.key}/`;
  if (!recursive) {
    throw new LakeError(
      'BAD_INPUT',
      `s3://${at.bucket}/${prefix} is a folder (prefix).`,
      'Deleting a prefix and every object under it must be asked for explicitly (recursive).',
    );
  }
  return {
    deleted: await api.deleteMany(at.bucket, await keysUnder(api, at.bucket, prefix, signal), signal),
  };
}

/** The storage of an AWS workspace: S3, where a lake path is `bucket/key…`. */
export function awsStorage(api: S3Api, scratch: Scratch): StorageProvider {
  return {
    kind: 'aws',
    list: (prefix, page) => listPage(api, prefix, page),
    preview: (path, limit, maxBytes) => previewS3Object(api, scratch, requireObject(path), limit, maxBytes),
    profile: (path) => profileS3Object(api, scratch, requireObject(path)),
    details: (path, signal) => details(api, path, signal),
    async download(path, to, options) {
      await checkDownloadTarget(to, options.overwrite);
      const at = requireObject(path);
      const { body, head } = await api.getStream(at.bucket, at.key, options.signal);
      const sha256 = lakedeskMetadataOf(head.metadata)?.sha256;
      return writeDownload(
        body,
        `s3://${at.bucket}/${at.key}`,
        to,
        { size: head.size, ...(sha256 ? { sha256 } : {}) },
        options,
      );
    },
    delete: async (path, recursive, signal) => ({ ...(await remove(api, path, recursive, signal)) }),
    async createFolder(path) {
      const at = parseS3Path(path);
      const key = at.key.replace(/\/*$/, '/');
      if (at.bucket === '' || key === '/')
        throw new LakeError(
          'BAD_INPUT',
          'Lakedesk does not create buckets.',
          'Ask your AWS administrator for a bucket, then create folders inside it.',
        );
      await api.put(at.bucket, key, Buffer.alloc(0), { metadata: {} });
      return { path: `${at.bucket}/${key}` };
    },
    // An S3 workspace has no lake folder of its own contracts (yet): the built-ins apply.
    datasets: async () => [...builtInDatasets],
    async openRead(path, signal) {
      const at = requireObject(path);
      const { body, head } = await api.getStream(at.bucket, at.key, signal);
      return { stream: body, size: head.size };
    },
    close: () => api.destroy(),
  };
}
