import { useState } from 'react';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Icon } from '../../../components/Icon';
import { Loading, Panel } from '../../../components/Layout';
import { useCall } from '../../../lib/useCall';
import { GlueTableDetail } from './GlueTableDetail';
import { GlueTableList, type TableKey } from './GlueTableList';
import { useDebounced, useTablePages } from './useTablePages';

/** Databases and tables of the Glue Data Catalog, searchable, with one table's detail beside them. */
export function GlueTablesTab({
  workspaceId,
  version,
  selected,
  onSelect,
  onShowCrawlers,
}: {
  workspaceId: string;
  /** Bumped when a crawl ends, so the list shows what it changed. */
  version: number;
  selected: TableKey | undefined;
  onSelect: (key: TableKey | undefined) => void;
  onShowCrawlers: () => void;
}) {
  const databases = useCall('catalog.listDatabases', { workspaceId });
  const [database, setDatabase] = useState('');
  const [search, setSearch] = useState('');
  const needle = useDebounced(search.trim());
  const pages = useTablePages(
    { workspaceId, ...(database ? { database } : {}), ...(needle ? { search: needle } : {}) },
    version,
  );
  const count = pages.tables?.length ?? 0;
  const isEmptyCatalog = pages.tables?.length === 0 && !needle && !database;

  return (
    <div className={selected ? 'catalog-split with-detail' : 'catalog-split'}>
      <Panel
        className="flush"
        testId="glue-tables-panel"
        title={
          pages.tables ? `${count}${pages.nextToken ? '+' : ''} table${count === 1 ? '' : 's'}` : 'Tables'
        }
        actions={
          <>
            <select
              className="select"
              value={database}
              onChange={(e) => setDatabase(e.target.value)}
              aria-label="Database"
              data-testid="glue-database"
            >
              <option value="">All databases</option>
              {databases.data?.databases.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.name}
                </option>
              ))}
            </select>
            <div className="search-box">
              <Icon name="search" size={14} />
              <input
                className="input"
                type="search"
                placeholder="Search tables, columns, locations"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                aria-label="Search tables, columns and locations"
                data-testid="glue-search"
              />
            </div>
          </>
        }
      >
        {databases.error && <ErrorBanner error={databases.error} compact onRetry={databases.reload} />}
        {pages.error && <ErrorBanner error={pages.error} compact />}
        {!pages.tables && !pages.error && <Loading />}
        {isEmptyCatalog && (
          <EmptyState
            icon="catalog"
            title="No tables yet"
            testId="glue-tables-empty"
            action={
              <button type="button" className="button primary" onClick={onShowCrawlers}>
                Go to crawlers
              </button>
            }
          >
            A crawler reads the files under its S3 targets and creates a table for each folder of like files.
          </EmptyState>
        )}
        {pages.tables && pages.tables.length === 0 && !isEmptyCatalog && (
          <p className="muted pad">No table, column or location matches “{needle}”.</p>
        )}
        {pages.tables && pages.tables.length > 0 && (
          <GlueTableList tables={pages.tables} selected={selected} onSelect={onSelect} />
        )}
        {pages.nextToken && (
          <div className="load-more">
            <button
              type="button"
              className="button small"
              onClick={pages.loadMore}
              disabled={pages.isLoading}
            >
              {pages.isLoading ? 'Loading…' : 'Load more tables'}
            </button>
          </div>
        )}
      </Panel>
      {selected && (
        <GlueTableDetail
          key={`${selected.database}.${selected.table}:${version}`}
          workspaceId={workspaceId}
          table={selected}
          onClose={() => onSelect(undefined)}
        />
      )}
    </div>
  );
}
