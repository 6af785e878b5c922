import { activeLakeUncrawled } from '../engine/active-lake';
import type { HandlerMap } from '../handler-types';
import { clustersAwsHandlers } from './clusters-aws-handlers';
import { loadJobHistory } from './job-history-store';
import { runLakeJob } from './lake-jobs';

/** clusters.*: the lake's jobs (local twins of the EMR steps) and their history, and EMR. */
export const clustersHandlers: HandlerMap<
  'clusters.runJob' | 'clusters.jobHistory' | keyof typeof clustersAwsHandlers
> = {
  ...clustersAwsHandlers,
  'clusters.runJob': {
    title: (input) => `Lake job: ${input.name}`,
    async run(input, ctx, job) {
      const lake = await activeLakeUncrawled(ctx);
      // gross-profit reads the catalog's tables; process-orders finds its own source.
      if (input.name === 'gross-profit') await lake.catalog.ensure();
      const options = input.olderThanDays === undefined ? {} : { olderThanDays: input.olderThanDays };
      return runLakeJob(lake, input.name, options, job.signal, (p) => job.progress(p));
    },
  },
  'clusters.jobHistory': async (_input, ctx) => loadJobHistory((await ctx.workspaces.requireActive()).path),
};
