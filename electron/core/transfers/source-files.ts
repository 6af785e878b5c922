import { randomUUID } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { LakeError } from '@shared/errors';
import type { TransferSource } from '@shared/transfers.schema';
import { writeFileAtomic } from '../atomic-file';

/** One file to upload, after folders were expanded and sent bytes were staged on disk. */
export interface SourceFile {
  path: string;
  staged: boolean;
  display: string;
  name: string;
  /** Folders between the dropped folder (included) and the file: `2025-01/eu/`. */
  relativeDir: string;
  size: number;
  keyOverride?: string;
  datasetHint?: string;
}

/** A drop of a whole disk would otherwise read for hours before a single byte is sent. */
const MAX_FILES = 10_000;

function fsProblem(error: unknown, path: string): LakeError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return new LakeError(
      'NOT_FOUND',
      `No such file or folder: ${path}`,
      'It may have been moved or deleted; drop it again.',
    );
  if (code === 'EACCES' || code === 'EPERM')
    return new LakeError(
      'IO',
      `Cannot read ${path}: permission denied.`,
      'Check the file permissions, or copy the file somewhere readable.',
    );
  return new LakeError('IO', `Cannot read ${path}: ${(error as Error).message}`);
}

/** Every regular file under a folder, dot entries left out (`.DS_Store`, editors' temp files). */
async function walk(root: string, dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    throw fsProblem(error, dir);
  });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) await walk(root, path, out);
    else if (info?.isFile()) out.push(path);
    if (out.length > MAX_FILES) {
      throw new LakeError(
        'BAD_INPUT',
        `${root} holds more than ${MAX_FILES.toLocaleString('en-US')} files.`,
        'Drop a smaller folder, or upload it in parts.',
      );
    }
  }
}

function checkName(name: string): void {
  if (/[/\\\0]/.test(name) || name.trim() === '' || name === '.' || name === '..') {
    throw new LakeError(
      'BAD_INPUT',
      `Cannot upload "${name}": a file name must not contain / or \\.`,
      'Rename the file and drop it again.',
    );
  }
}

async function expandPath(source: Extract<TransferSource, { path: string }>): Promise<SourceFile[]> {
  if (!isAbsolute(source.path)) {
    throw new LakeError(
      'BAD_INPUT',
      `"${source.path}" is not an absolute path.`,
      'Drop files from the desktop, or give full paths.',
    );
  }
  const info = await stat(source.path).catch((error: unknown) => {
    throw fsProblem(error, source.path);
  });
  const extra = {
    ...(source.key ? { keyOverride: source.key } : {}),
    ...(source.dataset ? { datasetHint: source.dataset } : {}),
  };
  if (info.isFile()) {
    return [
      {
        path: source.path,
        staged: false,
        display: source.path,
        name: basename(source.path),
        relativeDir: '',
        size: info.size,
        ...extra,
      },
    ];
  }
  if (!info.isDirectory()) throw new LakeError('BAD_INPUT', `${source.path} is neither a file nor a folder.`);
  const files: string[] = [];
  await walk(source.path, source.path, files);
  const top = basename(source.path);
  return Promise.all(
    files.map(async (path) => {
      const rel = relative(source.path, path).split(sep);
      const size = (await stat(path)).size;
      const relativeDir = [top, ...rel.slice(0, -1)].map((s) => `${s}/`).join('');
      const datasetHint = source.dataset ? { datasetHint: source.dataset } : {};
      return { path, staged: false, display: path, name: rel.at(-1)!, relativeDir, size, ...datasetHint };
    }),
  );
}

/**
 * The files of a drop: paths as they are (folders expanded, in name order), sent bytes written
 * to `stagingDir` first so every transfer reads a file and can resume after a restart.
 */
export async function expandSources(
  sources: readonly TransferSource[],
  stagingDir: string,
): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const source of sources) {
    if ('path' in source) {
      files.push(...(await expandPath(source)));
      continue;
    }
    checkName(source.name);
    const data = Buffer.from(source.dataBase64, 'base64');
    const path = join(stagingDir, randomUUID(), source.name);
    await writeFileAtomic(path, data);
    files.push({
      path,
      staged: true,
      display: `(uploaded) ${source.name}`,
      name: source.name,
      relativeDir: '',
      size: data.length,
      ...(source.key ? { keyOverride: source.key } : {}),
      ...(source.dataset ? { datasetHint: source.dataset } : {}),
    });
  }
  if (files.length === 0)
    throw new LakeError(
      'BAD_INPUT',
      'There is nothing to upload: the folders dropped are empty.',
      'Drop files, or folders that hold files.',
    );
  if (files.length > MAX_FILES)
    throw new LakeError(
      'BAD_INPUT',
      `More than ${MAX_FILES.toLocaleString('en-US')} files were dropped at once.`,
      'Upload them in parts.',
    );
  return files;
}
