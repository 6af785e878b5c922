import { activeLake, activeLakeUncrawled } from '../engine/active-lake';
import type { HandlerMap } from '../handler-types';
import { catalogAwsHandlers } from './catalog-aws-handlers';

/** catalog.*: the local lake's crawl, and the catalog of either kind of workspace. */
export const catalogHandlers: HandlerMap<
  'catalog.listTables' | 'catalog.crawl' | keyof typeof catalogAwsHandlers
> = {
  ...catalogAwsHandlers,
  // Reading the tables of a lake never crawled crawls it first, as a query would.
  'catalog.listTables': async (_input, ctx) => (await activeLake(ctx)).catalog.snapshot(),
  'catalog.crawl': {
    title: () => 'Crawl the lake',
    async run(_input, ctx, job) {
      const lake = await activeLakeUncrawled(ctx);
      return lake.catalog.crawl(job.signal, (done, total, message) =>
        job.progress({ done, total, unit: 'folders', message }),
      );
    },
  },
};
