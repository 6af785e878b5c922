import type { Crawler, CrawlStatus } from '@shared/glue.schema';
import { Badge } from '../../../components/Layout';
import { CRAWL_STATUS_TONE, CRAWLER_STATE_TONE } from './crawler-view';

/** READY / RUNNING / STOPPING, with a spinner while the crawler works. */
export function CrawlerStateBadge({ state }: { state: Crawler['state'] }) {
  return (
    <span className="state-badge" data-testid="crawler-state" data-state={state}>
      <Badge tone={CRAWLER_STATE_TONE[state]}>
        {state !== 'READY' && <span className="spinner tiny" aria-hidden="true" />}
        {state}
      </Badge>
    </span>
  );
}

export function CrawlStatusBadge({ status }: { status: CrawlStatus }) {
  return (
    <span className="state-badge" data-testid="crawl-status" data-status={status}>
      <Badge tone={CRAWL_STATUS_TONE[status]}>{status}</Badge>
    </span>
  );
}
