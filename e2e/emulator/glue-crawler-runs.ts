import { randomUUID } from 'node:crypto';
import { sniffTarget, tableFrom } from './glue-sniff';
import { nowSeconds, type CrawlerRecord, type GlueStore } from './glue-store';
import { ServiceError } from './protocols';
import type { S3Data } from './s3-data';

/** How long the emulated phases last; tests shorten them, or lengthen RUNNING to stop a crawl. */
export interface CrawlTimings {
  /** Time in RUNNING before the crawl reads S3 (ms). */
  runningMs: number;
  /** Time in STOPPING before READY (ms). */
  stoppingMs: number;
}

export const DEFAULT_CRAWL_TIMINGS: CrawlTimings = { runningMs: 400, stoppingMs: 150 };

interface ActiveRun {
  id: string;
  startTime: number;
  timer: NodeJS.Timeout;
}

const LOG_GROUP = '/aws-glue/crawlers';

/** Walks crawlers through READY → RUNNING → STOPPING → READY, sniffing S3 to make or update tables. */
export class CrawlerRuns {
  private readonly active = new Map<string, ActiveRun>();
  private readonly failures = new Map<string, string>();

  constructor(
    private readonly store: GlueStore,
    private readonly s3: () => S3Data | undefined,
    readonly timings: CrawlTimings,
  ) {}

  /** The next run of `crawler` ends FAILED with this error message. */
  failNext(crawler: string, message: string): void {
    this.failures.set(crawler, message);
  }

  start(name: string): void {
    const crawler = this.store.crawler(name);
    if (crawler.State !== 'READY')
      throw new ServiceError(400, 'CrawlerRunningException', `Crawler with name ${name} has already started`);
    const run: ActiveRun = {
      id: randomUUID(),
      startTime: nowSeconds(),
      timer: setTimeout(() => void this.finish(name, run), this.timings.runningMs),
    };
    this.active.set(name, run);
    crawler.State = 'RUNNING';
    crawler.history.push({
      CrawlId: run.id,
      State: 'RUNNING',
      StartTime: run.startTime,
      LogGroup: LOG_GROUP,
      LogStream: name,
      MessagePrefix: run.id,
    });
  }

  stop(name: string): void {
    const crawler = this.store.crawler(name);
    const run = this.active.get(name);
    if (crawler.State === 'STOPPING')
      throw new ServiceError(400, 'CrawlerStoppingException', `Crawler with name ${name} is stopping`);
    if (crawler.State !== 'RUNNING' || !run)
      throw new ServiceError(400, 'CrawlerNotRunningException', `Crawler with name ${name} is not running`);
    clearTimeout(run.timer);
    this.settle(crawler, run, { status: 'CANCELLED' });
  }

  /** Whether a crawl is in flight (tests wait for the emulator to be idle). */
  isBusy(): boolean {
    return this.active.size > 0;
  }

  close(): void {
    for (const run of this.active.values()) clearTimeout(run.timer);
    this.active.clear();
  }

  private async finish(name: string, run: ActiveRun): Promise<void> {
    const crawler = this.store.crawler(name);
    const failure = this.failures.get(name);
    this.failures.delete(name);
    if (failure !== undefined) return this.settle(crawler, run, { status: 'FAILED', error: failure });
    // A StopCrawler that came while S3 was being read has already settled this run.
    const stillOurs = () => this.active.get(name) === run && crawler.State === 'RUNNING';
    try {
      const counts = await this.crawl(crawler);
      if (stillOurs()) this.settle(crawler, run, { status: 'SUCCEEDED', counts });
    } catch (error) {
      if (stillOurs())
        this.settle(crawler, run, {
          status: 'FAILED',
          error: `Internal Service Exception: ${String(error)}`,
        });
    }
  }

  private async crawl(crawler: CrawlerRecord): Promise<CrawlerRecord['lastCounts']> {
    const s3 = this.s3();
    if (!s3) throw new Error('the emulator runs without S3');
    const tables = this.store.tablesOf(crawler.DatabaseName);
    const counts = { created: 0, updated: 0, deleted: 0 };
    for (const target of crawler.Targets.S3Targets) {
      for (const found of await sniffTarget(s3, target.Path, target.Exclusions)) {
        const existing = tables.get(`${crawler.TablePrefix ?? ''}${found.name}`);
        const table = tableFrom(crawler, found, existing);
        const partitions = found.partitions.map((p) => ({
          Values: p.values,
          DatabaseName: table.DatabaseName,
          TableName: table.Name,
          CreationTime: table.UpdateTime,
          StorageDescriptor: { Location: p.location, Columns: table.StorageDescriptor.Columns },
        }));
        this.store.putTable(table, partitions);
        if (existing) counts.updated += 1;
        else counts.created += 1;
      }
    }
    return counts;
  }

  /** RUNNING → STOPPING now, READY with LastCrawl after `stoppingMs`. */
  private settle(
    crawler: CrawlerRecord,
    run: ActiveRun,
    end: {
      status: 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
      error?: string;
      counts?: CrawlerRecord['lastCounts'];
    },
  ): void {
    crawler.State = 'STOPPING';
    setTimeout(() => {
      const endTime = nowSeconds();
      crawler.State = 'READY';
      crawler.LastCrawl = {
        Status: end.status,
        LogGroup: LOG_GROUP,
        LogStream: crawler.Name,
        MessagePrefix: run.id,
        StartTime: run.startTime,
        ...(end.error ? { ErrorMessage: end.error } : {}),
      };
      if (end.counts) crawler.lastCounts = end.counts;
      const entry = crawler.history.find((h) => h.CrawlId === run.id)!;
      Object.assign(entry, {
        State: { SUCCEEDED: 'COMPLETED', FAILED: 'FAILED', CANCELLED: 'STOPPED' }[end.status],
        EndTime: endTime,
        DPUHour: Math.round(((endTime - run.startTime) / 3600) * 10 * 1e4) / 1e4,
        ...(end.error ? { ErrorMessage: end.error } : {}),
        ...(end.counts
          ? {
              Summary: JSON.stringify({
                TABLE: { ADD: { Count: end.counts.created }, UPDATE: { Count: end.counts.updated } },
              }),
            }
          : {}),
      });
      this.active.delete(crawler.Name);
    }, this.timings.stoppingMs);
  }
}
