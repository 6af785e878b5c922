import { builtInDatasets } from '@shared/datasets';
import { LakeError } from '@shared/errors';
import type { ValidationReport } from '@shared/storage.schema';
import type { CallContext, HandlerMap } from '../handler-types';
import type { JobControl } from '../jobs';
import { withStorage } from '../providers';
import { validateCsv } from './csv-validator';
import { datasetPicker, loadDatasets } from './dataset-registry';
import { importFiles } from './import-files';

async function lakeRoot(ctx: CallContext): Promise<string> {
  return (await ctx.workspaces.requireActive()).path;
}

/** Validates one lake file (a local file or an S3 object) as a job: progress in bytes, stops on cancel. */
async function validateLakeFile(
  input: { path: string; dataset?: string },
  ctx: CallContext,
  job: JobControl,
): Promise<ValidationReport> {
  if (/\.parquet$/i.test(input.path)) {
    throw new LakeError(
      'BAD_INPUT',
      `${input.path} is a Parquet file; only CSV files are validated.`,
      'Parquet files carry their own schema: preview or profile them instead.',
    );
  }
  return withStorage(
    ctx,
    async (storage) => {
      const datasets = await storage.datasets();
      const pick = datasetPicker(datasets, input.dataset);
      const { stream, size } = await storage.openRead(input.path, job.signal);
      const report = await validateCsv(stream, pick, {
        signal: job.signal,
        onProgress: (done) => job.progress({ done, total: size, unit: 'bytes' }),
      });
      if (!report) {
        stream.destroy();
        throw new LakeError(
          'BAD_INPUT',
          `Could not tell which dataset ${input.path} holds: its header matches none of ${datasets.map((d) => d.name).join(', ')}.`,
          'Name the dataset to check it against (in the CLI: --dataset NAME).',
        );
      }
      return report;
    },
    job.signal,
  );
}

/** The storage calls that work on plain files: listing, dataset contracts, validation, import. */
export const storageFileHandlers: HandlerMap<
  'storage.list' | 'storage.listDatasets' | 'storage.validate' | 'storage.importFiles'
> = {
  'storage.list': (input, ctx) =>
    withStorage(ctx, (storage) =>
      storage.list(input.prefix, {
        ...(input.token !== undefined ? { token: input.token } : {}),
        ...(input.pageSize !== undefined ? { pageSize: input.pageSize } : {}),
      }),
    ),
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
