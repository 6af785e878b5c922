import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

/** The temp name of a file being written: same folder (so rename is atomic), hidden, unique. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes a whole file or nothing: a crash or a full disk leaves the old file (or no file), never
 * half of the new one.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Runs `produce` against a temp path and moves the result into place only if it succeeds. */
export async function produceFileAtomic(
  path: string,
  produce: (tempPath: string) => Promise<void>,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    await produce(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true, recursive: true });
    throw error;
  }
}
