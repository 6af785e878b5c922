import type { Crawler, CrawlRun, CrawlStatus } from '@shared/glue.schema';

type Tone = 'neutral' | 'accent' | 'ok' | 'warn' | 'danger';

export const CRAWLER_STATE_TONE: Record<Crawler['state'], Tone> = {
  READY: 'neutral',
  RUNNING: 'accent',
  STOPPING: 'warn',
};

export const CRAWL_STATUS_TONE: Record<CrawlStatus, Tone> = {
  SUCCEEDED: 'ok',
  FAILED: 'danger',
  CANCELLED: 'neutral',
};

export const CRAWL_RUN_TONE: Record<CrawlRun['state'], Tone> = {
  RUNNING: 'accent',
  COMPLETED: 'ok',
  FAILED: 'danger',
  STOPPED: 'neutral',
};

export function isCrawling(crawler: Crawler): boolean {
  return crawler.state !== 'READY';
}

/** Puts a crawler as an event or a call returned it into the list, in place (new ones at the end). */
export function withCrawler(list: readonly Crawler[], crawler: Crawler): Crawler[] {
  const at = list.findIndex((c) => c.name === crawler.name);
  if (at < 0) return [...list, crawler];
  const next = [...list];
  next[at] = crawler;
  return next;
}

/** The crawler's S3 targets as one line. */
export function targetsText(crawler: Crawler): string {
  return crawler.targets.map((t) => t.path).join(', ') || '—';
}

const ACTIONS: Record<string, string> = { ADD: 'added', UPDATE: 'updated', DELETE: 'deleted' };

/**
 * Glue's run summary (ListCrawls) is JSON such as `{"TABLE":{"ADD":{"Count":3}}}`: said in words,
 * "3 tables added". Anything else is shown as it came.
 */
export function crawlSummaryText(summary: string | undefined): string | undefined {
  if (!summary) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(summary);
  } catch {
    return summary;
  }
  if (typeof parsed !== 'object' || parsed === null) return summary;
  const parts: string[] = [];
  for (const [entity, actions] of Object.entries(
    parsed as Record<string, Record<string, { Count?: number }>>,
  )) {
    for (const [action, value] of Object.entries(actions ?? {})) {
      const count = value?.Count ?? 0;
      if (count <= 0) continue;
      const noun = entity.toLowerCase() + (count === 1 ? '' : 's');
      parts.push(`${count} ${noun} ${ACTIONS[action] ?? action.toLowerCase()}`);
    }
  }
  return parts.length > 0 ? parts.join(', ') : 'No changes';
}
