import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { LakeError } from '@shared/errors';
import type { Workspace } from '@shared/workspaces.schema';
import type { Services } from '../services';
import { sampleTables, toCsv } from './sample-lake-data';

/** The seed of the sample lake every new install gets, so screenshots and docs match. */
export const DEFAULT_SAMPLE_SEED = 7;

const ZONES = ['landing', 'raw', 'trusted', 'curated', 'processed'];

const README = `This folder is a Lakedesk lake: a local twin of a data lake on S3.
It was generated as a sample; every file is made up.

Zones (one folder each, data flows from top to bottom):
  landing/    files exactly as they arrived, before any check
  raw/        files that passed their dataset contract, one folder per dataset
              (billing, units_sold, production_costs, currency_rates, orders)
  trusted/    raw data cleaned and typed (dates as dates, amounts as decimals)
  curated/    tables joined for a purpose, such as the gross-profit report
  processed/  the outputs the saved queries and charts read (e.g. orders after
              the Pending/Cancelled cleanup rule)

Files that failed validation and were kept on purpose go under quarantine/,
never among the valid data. Lakedesk keeps its own notes in .lakedesk/.
`;

export interface SampleLake {
  /** Absolute folder of the lake. */
  path: string;
  /** Lake paths of the files written. */
  files: string[];
}

/** Lists a folder, or undefined when it does not exist. */
async function entriesOf(dir: string): Promise<string[] | undefined> {
  return readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/**
 * Writes a sample lake into `dir` (new or empty): the five datasets under raw/ and a README.
 * It is generated in a hidden sibling folder and renamed into place, so a crash leaves no
 * half-made lake behind. The same seed always gives the same files.
 */
export async function createSampleLake(dir: string, options: { seed?: number } = {}): Promise<SampleLake> {
  const target = resolve(dir);
  const existing = await entriesOf(target);
  if (existing && existing.length > 0) {
    throw new LakeError(
      'BAD_INPUT',
      `${target} is not empty.`,
      'Choose a new or empty folder for the sample lake.',
    );
  }
  await mkdir(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  const files: string[] = [];
  try {
    for (const zone of ZONES) await mkdir(join(temp, zone), { recursive: true });
    await writeFile(join(temp, 'README.txt'), README);
    files.push('README.txt');
    for (const table of sampleTables(options.seed ?? DEFAULT_SAMPLE_SEED)) {
      await mkdir(dirname(join(temp, table.path)), { recursive: true });
      await writeFile(join(temp, table.path), toCsv(table.header, table.rows));
      files.push(table.path);
    }
    // rename() cannot replace a folder on Windows, so an empty target is removed first.
    if (existing) await rmdir(target);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  return { path: target, files };
}

/**
 * On a first run (no workspaces known), creates the sample lake at `<home>/sample-lake` unless it
 * is already there, and opens it, so a new user lands in a working console. Returns the active
 * workspace. A failure is a warning, not a crash: the app still starts and offers "Open folder".
 */
export async function ensureDefaultWorkspace(services: Services): Promise<Workspace | null> {
  const { workspaces } = await services.workspaces.list();
  if (workspaces.length > 0) return services.workspaces.active();
  const dir = join(services.home, 'sample-lake');
  try {
    const existing = await entriesOf(dir);
    if (!existing || existing.length === 0) await createSampleLake(dir, { seed: DEFAULT_SAMPLE_SEED });
    return await services.workspaces.openLocal(dir);
  } catch (error) {
    process.emitWarning(`Could not set up the sample lake at ${dir}: ${(error as Error).message}`);
    return null;
  }
}
