import type { Crawler } from '@shared/glue.schema';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Icon } from '../../../components/Icon';
import { Loading } from '../../../components/Layout';
import { useCall } from '../../../lib/useCall';
import { CrawlerStateBadge } from './CrawlerStateBadge';

/**
 * The pipeline link from an upload (`#/catalog/crawlers?prefix=s3://…`): the crawlers whose targets
 * cover the prefix, ready to run, or a way to create one when none does.
 */
export function PrefixCrawlers({
  workspaceId,
  s3Uri,
  live,
  onStart,
  onCreate,
  onDismiss,
}: {
  workspaceId: string;
  s3Uri: string;
  /** The crawlers as they are now (the offer's copies are from when it was made). */
  live: Crawler[] | undefined;
  onStart: (name: string) => void;
  onCreate: (s3Uri: string) => void;
  onDismiss: () => void;
}) {
  const offer = useCall('catalog.crawlersForPrefix', { workspaceId, s3Uri });
  const matches = offer.data?.crawlers ?? [];
  return (
    <section className="panel prefix-offer" data-testid="prefix-crawlers" data-prefix={s3Uri}>
      <div className="panel-header">
        <Icon name="upload" size={16} className="muted" />
        <h2 className="panel-title">
          Catalog the files under <span className="mono">{s3Uri}</span>
        </h2>
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          <Icon name="close" size={14} />
        </button>
      </div>
      <div className="panel-body">
        {offer.error && <ErrorBanner error={offer.error} compact onRetry={offer.reload} />}
        {!offer.data && !offer.error && <Loading />}
        {offer.data && matches.length === 0 && (
          <div className="row">
            <span className="muted">No crawler’s S3 targets cover this prefix.</span>
            <button type="button" className="button small" onClick={() => onCreate(s3Uri)}>
              <Icon name="plus" size={12} /> Create a crawler for it
            </button>
          </div>
        )}
        {matches.map((m) => {
          const crawler = live?.find((c) => c.name === m.crawler.name) ?? m.crawler;
          return (
            <div
              key={crawler.name}
              className="offer-row"
              data-testid="offered-crawler"
              data-crawler={crawler.name}
            >
              <span className="strong">{crawler.name}</span>
              <CrawlerStateBadge state={crawler.state} />
              <span className="muted">
                {m.coverage === 'covers' ? 'crawls' : 'crawls part of it:'}{' '}
                <span className="mono">{m.target}</span> into <span className="mono">{crawler.database}</span>
              </span>
              <span className="spacer" />
              <button
                type="button"
                className="button primary small"
                disabled={crawler.state !== 'READY'}
                onClick={() => onStart(crawler.name)}
                data-testid="offered-crawler-run"
              >
                <Icon name="play" size={12} /> {crawler.state === 'READY' ? 'Run crawler' : 'Running…'}
              </button>
            </div>
          );
        })}
      </div>
    </section>
  );
}
