import { lstat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { LakeError } from '@shared/errors';
import type { JobProgress } from '@shared/jobs.schema';
import type { ImportedFile } from '@shared/storage.schema';
import { writeFileAtomic } from '../atomic-file';
import { cancelledError } from '../errors';
import { validateCsvBytes } from './csv-validator';
import { datasetPicker, loadDatasets } from './dataset-registry';
import { normaliseLakePath, resolveInLake, toLakePath } from './lake-paths';

export interface ImportRequest {
  prefix: string;
  files: ReadonlyArray<{ name: string; dataBase64: string }>;
  onFindings: 'hold' | 'quarantine' | 'skip';
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
}

/** Findings kept per imported file: enough to show what is wrong, small enough for one IPC reply. */
const MAX_FINDINGS_PER_FILE = 1000;

// Imports into one lake run one at a time, so two drops of `billing.csv` cannot pick the same
// free name and overwrite each other between the check and the rename.
const queues = new Map<string, Promise<unknown>>();

/**
 * Copies dropped files into the lake after the same preflight validation as an S3 upload: a CSV
 * whose header matches a dataset is validated, anything else is copied as it is. A file with
 * findings is held back (not written) unless the caller chose to quarantine or skip it. Nothing
 * is ever overwritten: a name in use gets ` (2)`, ` (3)`, … so both files are kept.
 */
export function importFiles(
  lakeRoot: string,
  request: ImportRequest,
  options: ImportOptions = {},
): Promise<{ files: ImportedFile[] }> {
  const previous = queues.get(lakeRoot) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => importNow(lakeRoot, request, options));
  queues.set(lakeRoot, run);
  void run
    .finally(() => {
      if (queues.get(lakeRoot) === run) queues.delete(lakeRoot);
    })
    .catch(() => undefined);
  return run;
}

async function importNow(
  lakeRoot: string,
  request: ImportRequest,
  options: ImportOptions,
): Promise<{ files: ImportedFile[] }> {
  request.files.forEach((f) => checkFileName(f.name));
  const prefix = normaliseLakePath(request.prefix);
  const targetDir = await resolveInLake(lakeRoot, prefix);
  const quarantineDir = await resolveInLake(lakeRoot, prefix ? `quarantine/${prefix}` : 'quarantine');
  const pick = datasetPicker(await loadDatasets(lakeRoot));
  const taken = new Set<string>();
  const results: ImportedFile[] = [];
  for (const [index, file] of request.files.entries()) {
    if (options.signal?.aborted) throw cancelledError();
    options.onProgress?.({ done: index, total: request.files.length, unit: 'files', message: file.name });
    const data = Buffer.from(file.dataBase64, 'base64');
    const report = /\.csv$/i.test(file.name)
      ? await validateCsvBytes(data, pick, { signal: options.signal, maxFindings: MAX_FINDINGS_PER_FILE })
      : undefined;
    const base = {
      name: file.name,
      dataset: report?.dataset ?? null,
      findings: report?.errors ?? [],
      findingCount: report?.findingCount ?? 0,
    };
    const hasFindings = report !== undefined && !report.ok;
    if (hasFindings && request.onFindings !== 'quarantine') {
      const wouldBe = toLakePath(lakeRoot, join(targetDir, file.name));
      results.push({ ...base, path: wouldBe, status: request.onFindings === 'skip' ? 'skipped' : 'held' });
      continue;
    }
    const dir = hasFindings ? quarantineDir : targetDir;
    const path = await freePath(dir, file.name, taken);
    await writeFileAtomic(path, data);
    results.push({
      ...base,
      path: toLakePath(lakeRoot, path),
      status: hasFindings ? 'quarantined' : 'imported',
    });
  }
  options.onProgress?.({ done: request.files.length, total: request.files.length, unit: 'files' });
  return { files: results };
}

/** A dropped file's name must be a plain name: no folders, and not hidden (the lake would hide it). */
function checkFileName(name: string): void {
  if (/[/\\\0]/.test(name) || name.startsWith('.') || name.trim() === '') {
    throw new LakeError(
      'BAD_INPUT',
      `Cannot import "${name}": a file name must not contain / or \\ or start with a dot.`,
      'Rename the file and drop it again.',
    );
  }
}

/** The first of `name`, `name (2)`, `name (3)`, … that is neither on disk nor taken by this import. */
async function freePath(dir: string, name: string, taken: Set<string>): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n += 1) {
    const candidate = join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
    // Case-folded, since two names differing only in case are one file on macOS and Windows.
    const key = candidate.toLowerCase();
    if (taken.has(key)) continue;
    const exists = await lstat(candidate).then(
      () => true,
      () => false,
    );
    if (!exists) {
      taken.add(key);
      return candidate;
    }
  }
}
