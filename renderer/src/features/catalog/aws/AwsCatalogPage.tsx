import { useState } from 'react';
import type { Workspace } from '@shared/workspaces.schema';
import { routeHref } from '../../../app/route';
import type { PageProps } from '../../../app/Shell';
import { Icon } from '../../../components/Icon';
import { PageHeader } from '../../../components/Layout';
import { Tabs } from '../../../components/Tabs';
import { CrawlersTab } from './CrawlersTab';
import { CrawlOutcomePanel } from './CrawlOutcomePanel';
import { CreateCrawlerDialog } from './CreateCrawlerDialog';
import type { TableKey } from './GlueTableList';
import { GlueTablesTab } from './GlueTablesTab';
import { PrefixCrawlers } from './PrefixCrawlers';
import { useCrawlers } from './useCrawlers';

type Tab = 'tables' | 'crawlers';

/**
 * The catalog of an AWS workspace: Glue databases and tables (with Lake Formation permissions) and the
 * crawlers that fill them, watched live. Routes: `#/catalog?db=…&table=…`, `#/catalog/crawlers?crawler=…`
 * and `#/catalog/crawlers?prefix=s3://…` (the crawlers offered after an upload).
 */
export function AwsCatalogPage({ route, navigate, workspace }: PageProps & { workspace: Workspace }) {
  const tab: Tab = route.sub === 'crawlers' ? 'crawlers' : 'tables';
  const crawlers = useCrawlers(workspace.id);
  const [creating, setCreating] = useState<{ s3Path?: string } | undefined>(undefined);
  // Every ended crawl may have changed tables: the table list and detail read them again.
  const tablesVersion = crawlers.endedCount;

  const params = Object.fromEntries(route.params);
  const go = (sub: Tab, next: Record<string, string | undefined>, replace = false) =>
    navigate(routeHref('catalog', sub === 'crawlers' ? 'crawlers' : '', next), { replace });
  const db = route.params.get('db');
  const table = route.params.get('table');
  const selectedTable = db && table ? { database: db, table } : undefined;
  const openTable = (key: TableKey | undefined) =>
    go('tables', key ? { db: key.database, table: key.table } : {});
  const prefix = route.params.get('prefix') ?? undefined;
  const running = crawlers.crawlers?.filter((c) => c.state !== 'READY').length ?? 0;
  const region = workspace.aws?.region;

  return (
    <div className="page" data-testid="page-catalog" data-kind="aws">
      <PageHeader
        title="Catalog"
        subtitle={`The Glue Data Catalog${region ? ` in ${region}` : ''}: tables, the crawlers that keep them current, and who may read them.`}
        actions={
          <>
            <button type="button" className="button" onClick={crawlers.reload}>
              <Icon name="refresh" size={15} /> Refresh
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => setCreating({})}
              data-testid="new-crawler"
            >
              <Icon name="plus" size={15} /> New crawler
            </button>
          </>
        }
      />
      {prefix && (
        <PrefixCrawlers
          workspaceId={workspace.id}
          s3Uri={prefix}
          live={crawlers.crawlers}
          onStart={(name) => {
            void crawlers.start(name);
            // The offer is taken up: the crawler's row and detail carry on from here.
            go('crawlers', { crawler: name });
          }}
          onCreate={(s3Path) => setCreating({ s3Path })}
          onDismiss={() => go(tab, { ...params, prefix: undefined }, true)}
        />
      )}
      {crawlers.outcomes.slice(0, 2).map((outcome) => (
        <CrawlOutcomePanel
          key={`${outcome.crawler.name}:${outcome.startedAt}`}
          outcome={outcome}
          onOpenTable={openTable}
          onDismiss={() => crawlers.dismissOutcome(outcome.crawler.name)}
        />
      ))}
      <Tabs<Tab>
        label="Catalog views"
        value={tab}
        onChange={(next) => go(next, {})}
        items={[
          { key: 'tables', label: 'Tables' },
          {
            key: 'crawlers',
            label: 'Crawlers',
            badge: running ? `${running} running` : crawlers.crawlers?.length,
          },
        ]}
        testId="catalog-tabs"
      />
      {tab === 'tables' ? (
        <GlueTablesTab
          workspaceId={workspace.id}
          version={tablesVersion}
          selected={selectedTable}
          onSelect={openTable}
          onShowCrawlers={() => go('crawlers', {})}
        />
      ) : (
        <CrawlersTab
          workspaceId={workspace.id}
          state={crawlers}
          selected={route.params.get('crawler') ?? undefined}
          onSelect={(name) => go('crawlers', { ...params, crawler: name })}
          onCreate={() => setCreating({})}
        />
      )}
      {creating && (
        <CreateCrawlerDialog
          workspaceId={workspace.id}
          initial={creating}
          roles={[...new Set(crawlers.crawlers?.map((c) => c.role) ?? [])]}
          onClose={() => setCreating(undefined)}
          onCreated={(crawler) => {
            crawlers.put(crawler);
            setCreating(undefined);
            go('crawlers', { crawler: crawler.name });
          }}
        />
      )}
    </div>
  );
}
