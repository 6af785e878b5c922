import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { LakeError } from '@shared/errors';

/** A lake path without leading or trailing slashes (`raw/billing/`, `/raw/billing` → `raw/billing`). */
export function normaliseLakePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^\/+|\/+$/g, '')
    .replace(/\/{2,}/g, '/');
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The absolute path of a lake path, refusing anything that leaves the lake folder: `..`, an
 * absolute path, or a symlink inside the lake that points outside it. This is the one check every
 * storage call goes through, since the path comes from the UI.
 */
export async function resolveInLake(lakeRoot: string, lakePath: string): Promise<string> {
  const root = resolve(lakeRoot);
  const raw = lakePath.replace(/\\/g, '/');
  const target = resolve(root, normaliseLakePath(raw));
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw) || !isInside(root, target)) {
    throw outside(lakePath);
  }
  // Follow symlinks through the deepest part that exists, so a file about to be written under a
  // linked folder is held to where the link really points.
  const realRoot = await realpath(root);
  let existing = target;
  let real: string | undefined;
  while (real === undefined) {
    real = await realpath(existing).catch(() => undefined);
    if (real === undefined) {
      if (existing === root) return target;
      existing = dirname(existing);
    }
  }
  if (!isInside(realRoot, real)) throw outside(lakePath);
  return target;
}

function outside(lakePath: string): LakeError {
  return new LakeError(
    'BAD_INPUT',
    `The path "${lakePath}" is outside the lake folder.`,
    'Use a path relative to the lake root, without "..".',
  );
}

/** The lake path (`/`-separated) of an absolute path inside the lake. */
export function toLakePath(lakeRoot: string, absolute: string): string {
  return relative(resolve(lakeRoot), absolute).split(sep).join('/');
}
