import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { LakeError } from '@shared/errors';
import { createSampleLake, DEFAULT_SAMPLE_SEED } from '../../core/workspaces/sample-lake';
import { EXIT_OK } from '../exit-codes';
import { printJson } from '../output';
import { runWithSession } from '../run-command';

export interface DemoOptions {
  seed?: string;
  json?: boolean;
}

/** `lakedesk demo [DIR]`: writes a sample lake into a new or empty folder and says where. */
export async function demoCommand(dir: string | undefined, options: DemoOptions): Promise<void> {
  const json = Boolean(options.json);
  await runWithSession({ json }, async () => {
    const seed = options.seed === undefined ? DEFAULT_SAMPLE_SEED : Number(options.seed);
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new LakeError('BAD_INPUT', `--seed must be a whole number of 0 or more, not "${options.seed}".`);
    }
    const target = resolve(dir ?? 'lakedesk-sample');
    const existing = await readdir(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    // Checked here too (createSampleLake checks again) to give a hint in CLI terms.
    if (existing.length > 0) {
      throw new LakeError(
        'BAD_INPUT',
        `${target} is not empty; the sample lake needs a new or empty folder.`,
        'Name another folder: lakedesk demo ./my-sample-lake',
      );
    }
    const lake = await createSampleLake(target, { seed });
    if (json) {
      printJson({ ok: true, path: lake.path, files: lake.files });
    } else {
      process.stdout.write(
        `Created a sample lake in ${lake.path}\n${lake.files.map((f) => `  ${f}`).join('\n')}\n\n` +
          `Open it with:  lakedesk serve --lake "${lake.path}"\n` +
          `Check a file:  lakedesk validate "${resolve(lake.path, 'raw/billing/billing.csv')}" --dataset billing\n`,
      );
    }
    return EXIT_OK;
  });
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Create a sample local lake (billing, units sold, costs, currency rates, orders) to try Lakedesk on.',
    )
    .argument('[dir]', 'a new or empty folder', 'lakedesk-sample')
    .option('--seed <n>', 'random seed: the same seed gives the same data', String(DEFAULT_SAMPLE_SEED))
    .option('--json', 'print {ok, path, files} as JSON')
    .action((dir: string | undefined, options: DemoOptions) => demoCommand(dir, options));
}
