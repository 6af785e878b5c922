import { LakeError } from '@shared/errors';
import type { Crawler, CrawlOutcome } from '@shared/glue.schema';
import { cancelledError } from '../errors';
import type { CallContext, HandlerMap } from '../handler-types';
import type { JobControl } from '../jobs';
import { openAwsCatalog, openCatalogTables, using } from '../providers';
import type { AwsCatalog } from './aws-catalog';

type Methods =
  | 'catalog.listDatabases'
  | 'catalog.searchTables'
  | 'catalog.getTable'
  | 'catalog.listPartitions'
  | 'catalog.tablePermissions'
  | 'catalog.listCrawlers'
  | 'catalog.getCrawler'
  | 'catalog.crawlerHistory'
  | 'catalog.startCrawler'
  | 'catalog.stopCrawler'
  | 'catalog.createCrawler'
  | 'catalog.crawlersForPrefix'
  | 'catalog.watchCrawlers'
  | 'catalog.waitForCrawl';

async function withAws<T>(
  ctx: CallContext,
  workspaceId: string | undefined,
  work: (c: AwsCatalog, id: string) => Promise<T>,
) {
  const { workspaceId: id, catalog } = await openAwsCatalog(ctx, workspaceId);
  return using(catalog, (c) => work(c, id));
}

/** Starts (or joins) the watch of a crawler; its changes and end also arrive as events. */
function watch(ctx: CallContext, workspaceId: string, name: string, previousStart?: string | null) {
  const open = async (signal: AbortSignal) => (await openAwsCatalog(ctx, workspaceId, signal)).catalog;
  return ctx.watches.crawlers.watch(workspaceId, name, open, previousStart);
}

/** A watch nobody awaits: the UI learns its end from `catalog.crawlEnded`. */
function watchInBackground(
  ctx: CallContext,
  workspaceId: string,
  name: string,
  previousStart?: string | null,
): void {
  watch(ctx, workspaceId, name, previousStart).catch(() => undefined);
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/** The job's progress line from a crawler: state, time so far and, once Glue knows, time left. */
function progressOf(c: Crawler, startedAt: number): Parameters<JobControl['progress']>[0] {
  const elapsed = (Date.now() - startedAt) / 1000;
  const left =
    c.metrics && !c.metrics.stillEstimating && c.metrics.timeLeftSeconds > 0
      ? c.metrics.timeLeftSeconds
      : undefined;
  return {
    done: Math.round(elapsed),
    ...(left !== undefined ? { total: Math.round(elapsed + left) } : {}),
    unit: 's',
    message: `${c.state}${left !== undefined ? `, about ${clock(left)} left` : ''}`,
  };
}

async function waitForCrawl(
  input: { workspaceId?: string | undefined; name: string; start: boolean },
  ctx: CallContext,
  job: JobControl,
): Promise<CrawlOutcome> {
  const { name } = input;
  const { workspaceId, previous } = await withAws(ctx, input.workspaceId, async (catalog, id) => {
    if (!input.start) return { workspaceId: id, previous: undefined };
    const before = await catalog.getCrawler(name);
    await catalog.startCrawler(name);
    return { workspaceId: id, previous: before.lastCrawl?.startedAt ?? null };
  });
  const began = Date.now();
  const stop = ctx.events.subscribe((topic, payload) => {
    const p = payload as { workspaceId?: string; crawler?: Crawler };
    if (topic === 'catalog.crawlerChanged' && p.workspaceId === workspaceId && p.crawler?.name === name)
      job.progress(progressOf(p.crawler, began));
  });
  // Cancelling the job stops the crawler; the watch goes on until Glue says READY. Quitting the app
  // cancels jobs too, and must leave the crawl running (the next start shows how it ended).
  const onAbort = () => {
    if (ctx.watches.crawlers.isClosed) return;
    withAws(ctx, workspaceId, (c) => c.stopCrawler(name)).catch(() => undefined);
  };
  job.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const outcome = await watch(ctx, workspaceId, name, previous);
    if (!outcome)
      throw new LakeError(
        'BAD_INPUT',
        `Crawler ${name} is not running.`,
        'Start it (the CLI: `lakedesk crawler start NAME --wait`).',
      );
    if (job.signal.aborted) throw cancelledError();
    if (outcome.status === 'FAILED') {
      const log = outcome.crawler.lastCrawl?.logGroup
        ? ` Its log: CloudWatch ${outcome.crawler.lastCrawl.logGroup} / ${outcome.crawler.lastCrawl.logStream}.`
        : '';
      throw new LakeError(
        'RUN_FAILED',
        `Crawler ${name} failed: ${outcome.errorMessage ?? 'no error message'}.`,
        `Fix the cause and start it again.${log}`,
      );
    }
    if (outcome.status === 'CANCELLED')
      throw new LakeError('CANCELLED', `Crawler ${name} was stopped before it finished.`);
    return outcome;
  } finally {
    stop();
    job.signal.removeEventListener('abort', onAbort);
  }
}

/** catalog.* for both kinds of workspace (tables) and for AWS ones (crawlers, permissions). */
export const catalogAwsHandlers: HandlerMap<Methods> = {
  'catalog.listDatabases': async (input, ctx) => ({
    databases: await using(await openCatalogTables(ctx, input.workspaceId), (c) => c.listDatabases()),
  }),
  'catalog.searchTables': async ({ workspaceId, ...query }, ctx) =>
    using(await openCatalogTables(ctx, workspaceId), (c) => c.searchTables(query)),
  'catalog.getTable': async (input, ctx) =>
    using(await openCatalogTables(ctx, input.workspaceId), (c) => c.getTable(input.database, input.table)),
  'catalog.listPartitions': async ({ workspaceId, ...query }, ctx) =>
    using(await openCatalogTables(ctx, workspaceId), (c) => c.listPartitions(query)),
  'catalog.tablePermissions': (input, ctx) =>
    withAws(ctx, input.workspaceId, (c) => c.tablePermissions(input.database, input.table)),
  'catalog.listCrawlers': async (input, ctx) => ({
    crawlers: await withAws(ctx, input.workspaceId, (c) => c.listCrawlers()),
  }),
  'catalog.getCrawler': (input, ctx) => withAws(ctx, input.workspaceId, (c) => c.getCrawler(input.name)),
  'catalog.crawlerHistory': async (input, ctx) => ({
    runs: await withAws(ctx, input.workspaceId, (c) => c.crawlHistory(input.name, input.maxResults)),
  }),
  'catalog.startCrawler': (input, ctx) =>
    withAws(ctx, input.workspaceId, async (c, id) => {
      const before = await c.getCrawler(input.name);
      await c.startCrawler(input.name);
      watchInBackground(ctx, id, input.name, before.lastCrawl?.startedAt ?? null);
      return c.getCrawler(input.name);
    }),
  'catalog.stopCrawler': (input, ctx) =>
    withAws(ctx, input.workspaceId, async (c, id) => {
      await c.stopCrawler(input.name);
      watchInBackground(ctx, id, input.name);
      return c.getCrawler(input.name);
    }),
  'catalog.createCrawler': ({ workspaceId, ...spec }, ctx) =>
    withAws(ctx, workspaceId, async (c) => {
      await c.createCrawler(spec);
      return c.getCrawler(spec.name);
    }),
  'catalog.crawlersForPrefix': async (input, ctx) => ({
    crawlers: await withAws(ctx, input.workspaceId, (c) => c.crawlersForPrefix(input.s3Uri)),
  }),
  'catalog.watchCrawlers': (input, ctx) =>
    withAws(ctx, input.workspaceId, async (c, id) => {
      const running = (await c.listCrawlers()).filter((k) => k.state !== 'READY').map((k) => k.name);
      for (const name of running) watchInBackground(ctx, id, name);
      return { watching: running };
    }),
  'catalog.waitForCrawl': {
    title: (input) => `${input.start ? 'Run' : 'Watch'} crawler ${input.name}`,
    run: waitForCrawl,
  },
};
