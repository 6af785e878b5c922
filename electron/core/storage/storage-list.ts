import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LakeError } from '@shared/errors';
import type { StorageEntry } from '@shared/storage.schema';
import { normaliseLakePath, resolveInLake } from './lake-paths';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The folders and files directly under a lake prefix, folders first, each group by name. Folder
 * paths end in `/` like S3 prefixes, so the UI can pass one straight back as the next prefix.
 * Dot entries (`.lakedesk`, temp files being written) are hidden: they are not lake data.
 */
export async function listFolder(
  lakeRoot: string,
  prefix: string,
): Promise<{ prefix: string; entries: StorageEntry[] }> {
  const clean = normaliseLakePath(prefix);
  const dir = await resolveInLake(lakeRoot, prefix);
  const info = await stat(dir).catch(() => undefined);
  if (!info)
    throw new LakeError(
      'NOT_FOUND',
      `No folder ${clean || '(lake root)'} in the lake.`,
      'It may have been moved or deleted; go up a level.',
    );
  if (!info.isDirectory())
    throw new LakeError('BAD_INPUT', `${clean} is a file, not a folder.`, 'Open its folder instead.');
  const base = clean === '' ? '' : `${clean}/`;
  const dirents = await readdir(dir, { withFileTypes: true });
  const entries: StorageEntry[] = [];
  for (const dirent of dirents) {
    if (dirent.name.startsWith('.')) continue;
    // Stat (not lstat) so a symlinked folder lists as a folder; a dangling link is left out.
    const entryInfo = await stat(join(dir, dirent.name)).catch(() => undefined);
    if (!entryInfo) continue;
    if (entryInfo.isDirectory()) {
      entries.push({
        name: dirent.name,
        path: `${base}${dirent.name}/`,
        kind: 'folder',
        modifiedAt: entryInfo.mtime.toISOString(),
      });
    } else if (entryInfo.isFile()) {
      entries.push({
        name: dirent.name,
        path: `${base}${dirent.name}`,
        kind: 'file',
        size: entryInfo.size,
        modifiedAt: entryInfo.mtime.toISOString(),
      });
    }
  }
  entries.sort((a, b) =>
    a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === 'folder' ? -1 : 1,
  );
  return { prefix: base, entries };
}
