import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LakeError } from '@shared/errors';
import type { DownloadResult } from '@shared/storage-objects.schema';
import { produceFileAtomic } from '../atomic-file';
import type { DownloadOptions } from './storage.provider';

/** Refuses a relative target, or an existing one without `overwrite`, before any byte is fetched. */
export async function checkDownloadTarget(to: string, overwrite: boolean): Promise<void> {
  if (!isAbsolute(to)) {
    throw new LakeError(
      'BAD_INPUT',
      `Download target "${to}" is not an absolute path.`,
      'Choose where to save it in the save dialog.',
    );
  }
  const info = await stat(to).catch(() => undefined);
  if (info?.isDirectory())
    throw new LakeError('BAD_INPUT', `${to} is a folder.`, 'Choose a file name to save to.');
  if (info && !overwrite) {
    throw new LakeError(
      'BAD_INPUT',
      `${to} already exists.`,
      'Choose another name, or confirm replacing it.',
    );
  }
}

/**
 * Streams `source` into `to` through a temp file in the same folder, hashing as it goes, and
 * renames only once every byte is there and matches: a full disk, a dropped connection or a cancel
 * leaves no partial file. `expected` is checked when known (size, and Lakedesk's SHA-256).
 */
export async function writeDownload(
  source: Readable,
  path: string,
  to: string,
  expected: { size: number; sha256?: string },
  options: DownloadOptions,
): Promise<DownloadResult> {
  const hash = createHash('sha256');
  let bytes = 0;
  let lastReport = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      if (bytes - lastReport >= 1 << 20 || bytes === expected.size) {
        lastReport = bytes;
        options.onProgress({ done: bytes, total: expected.size, unit: 'bytes' });
      }
      done(null, chunk);
    },
  });
  let sha256 = '';
  await produceFileAtomic(to, async (temp) => {
    await pipeline(source, meter, createWriteStream(temp, { flags: 'wx' }), { signal: options.signal }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOSPC') throw error;
        throw new LakeError(
          'IO',
          `The disk is full: ${path} could not be saved to ${to}; nothing was kept.`,
          'Free some space (or choose another disk) and download again.',
        );
      },
    );
    sha256 = hash.digest('hex');
    if (bytes !== expected.size) {
      throw new LakeError(
        'IO',
        `Download of ${path} ended after ${bytes} of ${expected.size} bytes.`,
        'The connection may have dropped: try again.',
      );
    }
    if (expected.sha256 && expected.sha256 !== sha256) {
      throw new LakeError(
        'INVALID_DATA',
        `${path} does not match the SHA-256 recorded when it was uploaded (${expected.sha256.slice(0, 12)}…, got ${sha256.slice(0, 12)}…).`,
        'The object was changed or corrupted after upload; nothing was saved.',
      );
    }
  });
  options.onProgress({ done: bytes, total: expected.size, unit: 'bytes' });
  return { path, to, bytes, sha256, verified: Boolean(expected.sha256) };
}
