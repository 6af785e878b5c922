import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { builtInDatasets } from '@shared/datasets';
import { LakeError } from '@shared/errors';
import type { ValidationReport } from '@shared/storage.schema';
import type { CallContext, HandlerMap } from '../handler-types';
import type { JobControl } from '../jobs';
import { validateCsv } from './csv-validator';
import { datasetPicker, loadDatasets } from './dataset-registry';
import { importFiles } from './import-files';
import { resolveInLake } from './lake-paths';
import { listFolder } from './storage-list';

async function lakeRoot(ctx: CallContext): Promise<string> {
  return (await ctx.workspaces.requireActive()).path;
}

/** Validates one lake file as a job: progress in bytes, stops when the job is cancelled. */
async function validateLakeFile(
  input: { path: string; dataset?: string },
  ctx: CallContext,
  job: JobControl,
): Promise<ValidationReport> {
  const root = await lakeRoot(ctx);
  const path = await resolveInLake(root, input.path);
  const info = await stat(path).catch(() => undefined);
  if (!info)
    throw new LakeError(
      'NOT_FOUND',
      `No file ${input.path} in the lake.`,
      'Check the path; it is relative to the lake folder.',
    );
  if (!info.isFile())
    throw new LakeError(
      'BAD_INPUT',
      `${input.path} is a folder, not a file.`,
      'Validate one CSV file at a time.',
    );
  if (/\.parquet$/i.test(input.path)) {
    throw new LakeError(
      'BAD_INPUT',
      `${input.path} is a Parquet file; only CSV files are validated.`,
      'Parquet files carry their own schema: preview or profile them instead.',
    );
  }
  const datasets = await loadDatasets(root);
  const report = await validateCsv(createReadStream(path), datasetPicker(datasets, input.dataset), {
    signal: job.signal,
    onProgress: (done) => job.progress({ done, total: info.size, unit: 'bytes' }),
  });
  if (!report) {
    throw new LakeError(
      'BAD_INPUT',
      `Could not tell which dataset ${input.path} holds: its header matches none of ${datasets.map((d) => d.name).join(', ')}.`,
      'Name the dataset to check it against (in the CLI: --dataset NAME).',
    );
  }
  return report;
}

/** The storage calls that work on plain files: listing, dataset contracts, validation, import. */
export const storageFileHandlers: HandlerMap<
  'storage.list' | 'storage.listDatasets' | 'storage.validate' | 'storage.importFiles'
> = {
  'storage.list': async (input, ctx) => listFolder(await lakeRoot(ctx), input.prefix),
  // Without an open workspace the built-ins still apply (e.g. to a file checked from the CLI).
  'storage.listDatasets': async (_input, ctx) => {
    const active = await ctx.workspaces.active();
    return active?.kind === 'local' ? loadDatasets(active.path) : [...builtInDatasets];
  },
  'storage.validate': {
    title: (input) => `Validate ${input.path}`,
    run: validateLakeFile,
  },
  'storage.importFiles': {
    title: (input) => {
      const count = input.files.length === 1 ? input.files[0]!.name : `${input.files.length} files`;
      return `Import ${count} into ${input.prefix || 'the lake root'}`;
    },
    run: async (input, ctx, job) =>
      importFiles(await lakeRoot(ctx), input, { signal: job.signal, onProgress: (p) => job.progress(p) }),
  },
};
