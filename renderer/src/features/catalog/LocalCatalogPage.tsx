import { useMemo, useState } from 'react';
import type { PageProps } from '../../app/Shell';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { Loading, PageHeader, Panel } from '../../components/Layout';
import { ProgressBar } from '../../components/ProgressBar';
import { formatDateTime } from '../../lib/format';
import { useJobRunner } from '../../lib/useJobRunner';
import { CrawlResultPanel } from './CrawlResultPanel';
import { TableList } from './TableList';
import { useCatalog } from './useCatalog';

/** The catalog of a local lake: tables found by crawling it (the local twin of a Glue crawler). */
export function LocalCatalogPage(_props: PageProps) {
  const catalog = useCatalog();
  const crawl = useJobRunner('catalog.crawl');
  const [search, setSearch] = useState('');
  const [showResult, setShowResult] = useState(false);

  const runCrawl = async () => {
    setShowResult(false);
    if (await crawl.run({})) setShowResult(true);
  };

  const tables = useMemo(() => {
    const all = catalog.data?.tables ?? [];
    const needle = search.trim().toLowerCase();
    if (!needle) return all;
    return all.filter(
      (t) =>
        t.name.toLowerCase().includes(needle) ||
        t.location.toLowerCase().includes(needle) ||
        t.columns.some((c) => c.name.toLowerCase().includes(needle)),
    );
  }, [catalog.data, search]);

  const isRunning = crawl.state === 'running';
  const crawlButton = (
    <button
      type="button"
      className="button primary"
      onClick={() => void runCrawl()}
      disabled={isRunning}
      data-testid="crawl-button"
    >
      <Icon name="refresh" size={15} /> {isRunning ? 'Crawling…' : 'Crawl'}
    </button>
  );
  const neverCrawled = catalog.data && catalog.data.crawledAt === null && catalog.data.tables.length === 0;

  return (
    <div className="page" data-testid="page-catalog">
      <PageHeader
        title="Catalog"
        subtitle={
          catalog.data?.crawledAt
            ? `Tables found in the lake. Last crawled ${formatDateTime(catalog.data.crawledAt)}.`
            : 'Tables found in the lake, one per folder of like files.'
        }
        actions={
          <>
            {isRunning && (
              <button type="button" className="button" onClick={crawl.cancel} data-testid="crawl-cancel">
                Cancel
              </button>
            )}
            {/* While the catalog is empty the empty state carries the one Crawl button. */}
            {!neverCrawled && crawlButton}
          </>
        }
      />
      {isRunning && (
        <Panel testId="crawl-progress">
          <ProgressBar progress={crawl.progress} label="Crawling" />
        </Panel>
      )}
      {crawl.error && <ErrorBanner error={crawl.error} onRetry={() => void runCrawl()} />}
      {showResult && crawl.result && (
        <CrawlResultPanel result={crawl.result} onDismiss={() => setShowResult(false)} />
      )}
      {catalog.error && <ErrorBanner error={catalog.error} onRetry={catalog.reload} />}
      {!catalog.data && !catalog.error && <Loading />}
      {neverCrawled && !isRunning && (
        <EmptyState
          icon="catalog"
          title="Crawl the lake to find its tables"
          action={crawlButton}
          testId="catalog-empty"
        >
          A crawl reads each folder's files, works out their columns and types, and lists them here as tables
          you can query.
        </EmptyState>
      )}
      {catalog.data && catalog.data.tables.length > 0 && (
        <Panel
          className="flush"
          title={`${catalog.data.tables.length} table${catalog.data.tables.length === 1 ? '' : 's'}`}
          actions={
            <div className="search-box">
              <Icon name="search" size={14} />
              <input
                className="input"
                type="search"
                placeholder="Search tables and columns"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                aria-label="Search tables and columns"
                data-testid="catalog-search"
              />
            </div>
          }
        >
          {tables.length > 0 ? (
            <TableList tables={tables} />
          ) : (
            <p className="muted pad">No table or column matches “{search}”.</p>
          )}
        </Panel>
      )}
    </div>
  );
}
