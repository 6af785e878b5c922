import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { LakeError } from '@shared/errors';
import type { ObjectDetails } from '@shared/storage-objects.schema';
import type { DuckDbQueryEngine } from '../engine/duckdb-query-engine';
import { loadDatasets } from './dataset-registry';
import { checkDownloadTarget, writeDownload } from './download-file';
import { previewFile, profileFile } from './file-preview';
import { normaliseLakePath, resolveInLake } from './lake-paths';
import type { StorageProvider } from './storage.provider';
import { listFolder } from './storage-list';

async function existing(root: string, path: string) {
  const absolute = await resolveInLake(root, path);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) {
    throw new LakeError(
      'NOT_FOUND',
      `No file ${normaliseLakePath(path) || '(lake root)'} in the lake.`,
      'It may have been moved or deleted: refresh the folder.',
    );
  }
  return { absolute, info };
}

async function existingFile(root: string, path: string) {
  const found = await existing(root, path);
  if (!found.info.isFile())
    throw new LakeError('BAD_INPUT', `${path} is a folder, not a file.`, 'Choose a file.');
  return found;
}

/** The storage of a local lake folder: the local-lake functions behind the provider interface. */
export function localStorage(root: string, engine: () => Promise<DuckDbQueryEngine>): StorageProvider {
  return {
    kind: 'local',
    list: (prefix) => listFolder(root, prefix),
    preview: async (path, limit) => previewFile(await engine(), root, path, limit),
    profile: async (path) => profileFile(await engine(), root, path),
    async details(path): Promise<ObjectDetails> {
      const { info } = await existingFile(root, path);
      return {
        path: normaliseLakePath(path),
        name: basename(path),
        size: info.size,
        modifiedAt: info.mtime.toISOString(),
        encryption: { type: 'none' },
        metadata: {},
      };
    },
    async download(path, to, options) {
      await checkDownloadTarget(to, options.overwrite);
      const { absolute, info } = await existingFile(root, path);
      return writeDownload(
        createReadStream(absolute),
        normaliseLakePath(path),
        to,
        { size: info.size },
        options,
      );
    },
    async delete(path, recursive) {
      const clean = normaliseLakePath(path);
      if (clean === '')
        throw new LakeError(
          'BAD_INPUT',
          'Refusing to delete the whole lake.',
          'Delete folders inside it instead.',
        );
      const { absolute, info } = await existing(root, path);
      if (info.isDirectory() && !recursive) {
        throw new LakeError(
          'BAD_INPUT',
          `${clean}/ is a folder.`,
          'Deleting a folder and everything in it must be asked for explicitly (recursive).',
        );
      }
      await rm(absolute, { recursive: info.isDirectory() });
      return { deleted: 1 };
    },
    async createFolder(path) {
      const clean = normaliseLakePath(path);
      await mkdir(await resolveInLake(root, clean), { recursive: true });
      return { path: `${clean}/` };
    },
    datasets: () => loadDatasets(root),
    async openRead(path) {
      const { absolute, info } = await existingFile(root, path);
      return { stream: createReadStream(absolute), size: info.size };
    },
    close: () => undefined,
  };
}
