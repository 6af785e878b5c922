import { randomBytes } from 'node:crypto';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { LakeError } from '@shared/errors';

/** The folder in the app's home where exports without a chosen path go (browser mode downloads). */
export function downloadsDir(home: string): string {
  return join(home, 'downloads');
}

/** A file name safe on every OS, from a title: `Gross profit 2025` → `gross-profit-2025`. */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'report';
}

export interface OutputTarget {
  path: string;
  inDownloads: boolean;
}

/**
 * Where an export is written. A path from the UI must be absolute and end with the format's
 * extension: a save dialog gives exactly that, and it keeps a confused or hostile caller from
 * overwriting some other kind of file (a shell profile, a config) with a report.
 */
export function outputTarget(
  home: string,
  out: string | undefined,
  extension: string,
  title: string,
): OutputTarget {
  if (out === undefined) {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    const name = `${slugOf(title)}-${stamp}-${randomBytes(2).toString('hex')}${extension}`;
    return { path: join(downloadsDir(home), name), inDownloads: true };
  }
  if (!isAbsolute(out)) {
    throw new LakeError('BAD_INPUT', `The output path must be absolute: ${out}`, 'Choose where to save it.');
  }
  if (extname(out).toLowerCase() !== extension) {
    throw new LakeError(
      'BAD_INPUT',
      `The output file must end with ${extension}: ${out}`,
      `Name it ${basename(out, extname(out))}${extension}.`,
    );
  }
  return { path: resolve(out), inDownloads: false };
}

/**
 * The file in the downloads folder with this name, for a browser-mode download route. Only a plain
 * name of a file Lakedesk wrote there is accepted: no folders, no `..`, nothing hidden.
 */
export function downloadPath(home: string, fileName: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/.test(fileName) || fileName.includes('..')) {
    throw new LakeError('BAD_INPUT', `Not a download name: ${fileName}`);
  }
  return join(downloadsDir(home), fileName);
}
