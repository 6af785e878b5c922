import {
  GetCrawlerCommand,
  GetCrawlerMetricsCommand,
  GetCrawlersCommand,
  ListCrawlsCommand,
  type Crawler as GlueCrawler,
  type CrawlerMetrics as GlueMetrics,
  type GlueClient,
} from '@aws-sdk/client-glue';
import type { Crawler, CrawlRun } from '@shared/glue.schema';
import type { AwsCaller } from '../aws-caller';
import { glueNotFound } from './aws-glue-tables';

const iso = (d: Date | undefined) => d?.toISOString();

function toCrawler(c: GlueCrawler, m?: GlueMetrics): Crawler {
  const last = c.LastCrawl;
  return {
    name: c.Name ?? '',
    state: (c.State ?? 'READY') as Crawler['state'],
    role: c.Role ?? '',
    database: c.DatabaseName ?? '',
    ...(c.Description ? { description: c.Description } : {}),
    targets: (c.Targets?.S3Targets ?? []).map((t) => ({
      path: t.Path ?? '',
      exclusions: t.Exclusions ?? [],
    })),
    ...(c.TablePrefix ? { tablePrefix: c.TablePrefix } : {}),
    ...(c.Schedule?.ScheduleExpression
      ? { schedule: { expression: c.Schedule.ScheduleExpression, state: c.Schedule.State ?? 'SCHEDULED' } }
      : {}),
    ...(last?.Status && last.StartTime
      ? {
          lastCrawl: {
            status: last.Status as 'SUCCEEDED' | 'FAILED' | 'CANCELLED',
            startedAt: last.StartTime.toISOString(),
            ...(last.ErrorMessage ? { errorMessage: last.ErrorMessage } : {}),
            ...(last.LogGroup ? { logGroup: last.LogGroup } : {}),
            ...(last.LogStream ? { logStream: last.LogStream } : {}),
          },
        }
      : {}),
    ...(c.CrawlElapsedTime !== undefined ? { elapsedMs: c.CrawlElapsedTime } : {}),
    ...(m
      ? {
          metrics: {
            timeLeftSeconds: m.TimeLeftSeconds ?? 0,
            stillEstimating: m.StillEstimating ?? false,
            lastRuntimeSeconds: m.LastRuntimeSeconds ?? 0,
            medianRuntimeSeconds: m.MedianRuntimeSeconds ?? 0,
            tablesCreated: m.TablesCreated ?? 0,
            tablesUpdated: m.TablesUpdated ?? 0,
            tablesDeleted: m.TablesDeleted ?? 0,
          },
        }
      : {}),
    ...(iso(c.CreationTime) ? { createdAt: iso(c.CreationTime)! } : {}),
    ...(iso(c.LastUpdated) ? { updatedAt: iso(c.LastUpdated)! } : {}),
  };
}

async function metricsFor(
  glue: GlueClient,
  caller: AwsCaller,
  names: string[],
): Promise<Map<string, GlueMetrics>> {
  const out = new Map<string, GlueMetrics>();
  // GetCrawlerMetrics takes at most 100 names per call.
  for (let i = 0; i < names.length; i += 100) {
    const page = await caller.call('GetCrawlerMetrics', () =>
      glue.send(new GetCrawlerMetricsCommand({ CrawlerNameList: names.slice(i, i + 100) })),
    );
    for (const m of page.CrawlerMetricsList ?? []) if (m.CrawlerName) out.set(m.CrawlerName, m);
  }
  return out;
}

/** Every crawler with its metrics (all pages). */
export async function listCrawlers(glue: GlueClient, caller: AwsCaller): Promise<Crawler[]> {
  const crawlers: GlueCrawler[] = [];
  let token: string | undefined;
  do {
    const page = await caller.call(
      'GetCrawlers',
      () => glue.send(new GetCrawlersCommand({ NextToken: token })),
      {
        action: 'Listing the crawlers',
      },
    );
    crawlers.push(...(page.Crawlers ?? []));
    token = page.NextToken;
  } while (token);
  const metrics = await metricsFor(
    glue,
    caller,
    crawlers.map((c) => c.Name ?? ''),
  );
  return crawlers.map((c) => toCrawler(c, metrics.get(c.Name ?? '')));
}

export async function getCrawler(glue: GlueClient, caller: AwsCaller, name: string): Promise<Crawler> {
  const { Crawler: c } = await caller.call(
    'GetCrawler',
    () => glue.send(new GetCrawlerCommand({ Name: name })),
    { action: `Reading crawler ${name}` },
    glueNotFound,
  );
  return toCrawler(c ?? {}, (await metricsFor(glue, caller, [name])).get(name));
}

export async function crawlHistory(
  glue: GlueClient,
  caller: AwsCaller,
  name: string,
  max: number,
): Promise<CrawlRun[]> {
  const { Crawls } = await caller.call(
    'ListCrawls',
    () => glue.send(new ListCrawlsCommand({ CrawlerName: name, MaxResults: max })),
    { action: `Reading the runs of crawler ${name}` },
    glueNotFound,
  );
  return (Crawls ?? []).map((r) => ({
    id: r.CrawlId ?? '',
    state: (r.State ?? 'RUNNING') as CrawlRun['state'],
    startedAt: iso(r.StartTime) ?? '',
    ...(r.EndTime ? { endedAt: r.EndTime.toISOString() } : {}),
    ...(r.EndTime && r.StartTime
      ? { durationSeconds: (r.EndTime.getTime() - r.StartTime.getTime()) / 1000 }
      : {}),
    ...(r.Summary ? { summary: r.Summary } : {}),
    ...(r.ErrorMessage ? { errorMessage: r.ErrorMessage } : {}),
    ...(r.LogGroup ? { logGroup: r.LogGroup } : {}),
    ...(r.LogStream ? { logStream: r.LogStream } : {}),
    ...(r.DPUHour !== undefined ? { dpuHours: r.DPUHour } : {}),
  }));
}
