import { activeLake, activeLakeUncrawled } from '../engine/active-lake';
import type { HandlerMap } from '../handler-types';

/** catalog.*: the local lake's tables, found by a crawl. */
export const catalogHandlers: HandlerMap<'catalog.listTables' | 'catalog.crawl'> = {
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
