import type { Crawler, CrawlOutcome } from '@shared/glue.schema';
import type { EventBus } from '../event-bus';
import { pollUntil, WatchSet, type PollPolicy } from '../poll-backoff';
import type { AwsCatalog } from './aws-catalog';
import { crawlEndedNotice, savedQueriesReading } from './pipeline-link';

/** Opens the workspace's catalog for a watch (it is closed when the watch ends). */
export type OpenCatalog = (signal: AbortSignal) => Promise<AwsCatalog>;

/** Gives up on a run that was asked for but never showed (Glue stayed READY with the old last crawl). */
const MAX_POLLS_WAITING_FOR_START = 8;

async function outcomeOf(catalog: AwsCatalog, crawler: Crawler): Promise<CrawlOutcome> {
  const last = crawler.lastCrawl!;
  const succeeded = last.status === 'SUCCEEDED';
  const changes = succeeded ? await catalog.tablesChangedBy(crawler, new Date(last.startedAt)) : [];
  return {
    crawler,
    status: last.status,
    startedAt: last.startedAt,
    // Glue's elapsed time is only set while a crawl runs; once READY, the last runtime says it.
    ...(crawler.metrics?.lastRuntimeSeconds
      ? { durationMs: Math.round(crawler.metrics.lastRuntimeSeconds * 1000) }
      : {}),
    ...(last.errorMessage ? { errorMessage: last.errorMessage } : {}),
    changes,
    tablesDeleted: succeeded ? (crawler.metrics?.tablesDeleted ?? 0) : 0,
    savedQueries: savedQueriesReading(
      changes.map((c) => c.name),
      crawler.tablePrefix,
    ),
  };
}

/**
 * Watches crawlers while they run: `catalog.crawlerChanged` on each change, `catalog.crawlEnded` with
 * the tables the run changed when it ends. Polling backs off while nothing changes and stops once
 * nothing runs; one watch per crawler, however many callers ask.
 */
export class CrawlerWatch {
  private readonly watches = new WatchSet<CrawlOutcome | undefined>();

  constructor(
    private readonly events: EventBus,
    private readonly policy: PollPolicy,
  ) {}

  /** Crawlers being watched, as `workspaceId/name`. */
  watching(): string[] {
    return this.watches.keys();
  }

  /**
   * Watches `name` until its run ends. `previousStart` is the last crawl's start before a StartCrawler
   * (null when it never ran): the watch then waits for that new run. Without it, a crawler that is
   * READY has nothing to watch (undefined).
   */
  watch(
    workspaceId: string,
    name: string,
    open: OpenCatalog,
    previousStart?: string | null,
  ): Promise<CrawlOutcome | undefined> {
    const key = `${workspaceId}/${name}`;
    const start = () =>
      this.watches.join(key, (signal) => this.run(workspaceId, name, open, signal, previousStart));
    // A watch that began before our StartCrawler may have seen READY and ended: watch again.
    return start().then((outcome) =>
      outcome === undefined && previousStart !== undefined ? start() : outcome,
    );
  }

  /** Whether the app is quitting: a cancelled wait must then leave the remote work running. */
  get isClosed(): boolean {
    return this.watches.isClosed;
  }

  close(): void {
    this.watches.close();
  }

  private async run(
    workspaceId: string,
    name: string,
    open: OpenCatalog,
    signal: AbortSignal,
    previousStart: string | null | undefined,
  ): Promise<CrawlOutcome | undefined> {
    const catalog = await open(signal);
    try {
      let before = previousStart;
      let waited = 0;
      const final = await pollUntil(() => catalog.getCrawler(name), {
        policy: this.policy,
        signal,
        fingerprint: (c) => `${c.state}|${c.lastCrawl?.status}|${c.lastCrawl?.startedAt}`,
        onChange: (crawler) => this.events.emit('catalog.crawlerChanged', { workspaceId, crawler }),
        isDone: (c) => {
          // A passive watch compares with the last crawl it first saw (the one before a running crawl).
          if (before === undefined) before = c.lastCrawl?.startedAt ?? null;
          if (c.state !== 'READY') return false;
          if ((c.lastCrawl?.startedAt ?? null) !== before) return true;
          // READY with the old last crawl: nothing runs (a passive watch), or the start has not shown yet.
          waited += 1;
          return previousStart === undefined || waited >= MAX_POLLS_WAITING_FOR_START;
        },
      });
      if ((final.lastCrawl?.startedAt ?? null) === before || !final.lastCrawl) return undefined;
      const outcome = await outcomeOf(catalog, final);
      this.events.emit('catalog.crawlEnded', { workspaceId, outcome, ...crawlEndedNotice(outcome) });
      return outcome;
    } finally {
      catalog.close();
    }
  }
}
