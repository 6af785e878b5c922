import { execFileSync } from 'node:child_process';
import { chmod, cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

// Test support only: lakes for the tests, from the team handbook's fixtures beside the repo.

export const repoRoot = resolve(__dirname, '../../..');
export const fixturesDir = resolve(repoRoot, '../shared/fixtures');
export const fixtureLake = join(fixturesDir, 'lake');

/** A fresh temp folder. */
export function tempDir(prefix = 'lakedesk-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(path);
    else await chmod(path, 0o644);
  }
}

/** A writable copy of the fixture lake (the original is read-only and shared). */
export async function copyFixtureLake(): Promise<string> {
  const dir = join(await tempDir(), 'lake');
  await cp(fixtureLake, dir, { recursive: true });
  await makeWritable(dir);
  return dir;
}

/** A lake made by make_fixtures.py (with `--edge`: bills the report must leave out). */
export async function generatedLake(args: string[] = ['--edge']): Promise<string> {
  const dir = join(await tempDir(), 'lake');
  execFileSync('python3', [join(fixturesDir, 'make_fixtures.py'), dir, ...args], { stdio: 'pipe' });
  return dir;
}

/** A CSV file as rows of text, header first. */
export async function readCsvFile(path: string): Promise<string[][]> {
  return parse(await readFile(path, 'utf8'), { bom: true }) as string[][];
}
