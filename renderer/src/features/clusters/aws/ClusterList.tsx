import { EmptyState } from '../../../components/EmptyState';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Loading, Panel } from '../../../components/Layout';
import { formatNumber, formatRelative } from '../../../lib/format';
import { StateBadge } from './StateBadge';
import type { ClusterFilter, useClusterList } from './useClusterList';

const FILTERS: Array<{ key: ClusterFilter; label: string }> = [
  { key: 'active', label: 'Active' },
  { key: 'terminated', label: 'Terminated' },
  { key: 'all', label: 'All' },
];

/** EMR clusters under a filter, a page at a time; a row opens the cluster. */
export function ClusterList({
  list,
  filter,
  onFilter,
  selected,
  onSelect,
}: {
  list: ReturnType<typeof useClusterList>;
  filter: ClusterFilter;
  onFilter: (filter: ClusterFilter) => void;
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  const clusters = list.clusters;
  return (
    <Panel
      className="flush cluster-list"
      testId="cluster-list"
      title={
        clusters
          ? `${clusters.length}${list.nextToken ? '+' : ''} cluster${clusters.length === 1 ? '' : 's'}`
          : 'Clusters'
      }
      actions={
        <div className="segmented" role="radiogroup" aria-label="Which clusters" data-testid="cluster-filter">
          {FILTERS.map((f) => (
            <button
              key={f.key}
              type="button"
              role="radio"
              aria-checked={filter === f.key}
              className={filter === f.key ? 'segment active' : 'segment'}
              onClick={() => onFilter(f.key)}
              data-testid={`cluster-filter-${f.key}`}
            >
              {f.label}
            </button>
          ))}
        </div>
      }
    >
      {list.error && <ErrorBanner error={list.error} compact onRetry={list.reload} />}
      {!clusters && !list.error && <Loading />}
      {clusters?.length === 0 && (
        <EmptyState
          icon="clusters"
          title={`No ${filter === 'all' ? '' : `${filter} `}clusters`}
          testId="clusters-empty"
        >
          {filter === 'active'
            ? 'No EMR cluster is running in this account and region. Look at terminated ones, or launch one.'
            : 'EMR keeps terminated clusters listed for two months.'}
        </EmptyState>
      )}
      {clusters && clusters.length > 0 && (
        <ul className="cluster-items">
          {clusters.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={c.id === selected ? 'cluster-item selected' : 'cluster-item'}
                aria-pressed={c.id === selected}
                onClick={() => onSelect(c.id)}
                data-testid="cluster-row"
                data-cluster={c.id}
                data-name={c.name}
              >
                <span className="cluster-item-head">
                  <span className="strong">{c.name}</span>
                  <StateBadge kind="cluster" state={c.state} />
                </span>
                <span className="cluster-item-meta">
                  <span className="mono">{c.id}</span>
                  <span>created {formatRelative(c.createdAt)}</span>
                  <span>{formatNumber(c.normalizedInstanceHours)} norm. h</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.nextToken && (
        <div className="load-more">
          <button type="button" className="button small" onClick={list.loadMore} disabled={list.isLoading}>
            {list.isLoading ? 'Loading…' : 'Next 50 clusters'}
          </button>
        </div>
      )}
    </Panel>
  );
}
