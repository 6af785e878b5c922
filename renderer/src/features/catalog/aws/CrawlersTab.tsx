import { EmptyState } from '../../../components/EmptyState';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Loading, Panel } from '../../../components/Layout';
import { CrawlerDetail } from './CrawlerDetail';
import { CrawlerList } from './CrawlerList';
import type { CrawlersState } from './useCrawlers';

/** Every crawler with its state and last crawl; the selected one in full below the list. */
export function CrawlersTab({
  workspaceId,
  state,
  selected,
  onSelect,
  onCreate,
}: {
  workspaceId: string;
  state: CrawlersState;
  selected: string | undefined;
  onSelect: (name: string | undefined) => void;
  onCreate: () => void;
}) {
  const { crawlers } = state;
  const crawler = crawlers?.find((c) => c.name === selected);
  const running = crawlers?.filter((c) => c.state !== 'READY').length ?? 0;
  return (
    <div className="stack">
      {Object.entries(state.actionErrors).map(([name, error]) => (
        <ErrorBanner key={name} error={error} onDismiss={() => state.dismissError(name)} />
      ))}
      <Panel
        className="flush"
        testId="crawlers-panel"
        title={
          crawlers
            ? `${crawlers.length} crawler${crawlers.length === 1 ? '' : 's'}${running ? ` · ${running} running` : ''}`
            : 'Crawlers'
        }
      >
        {state.error && <ErrorBanner error={state.error} compact onRetry={state.reload} />}
        {!crawlers && !state.error && <Loading />}
        {crawlers?.length === 0 && (
          <EmptyState
            icon="refresh"
            title="No crawlers in this account and region"
            testId="crawlers-empty"
            action={
              <button type="button" className="button primary" onClick={onCreate}>
                New crawler
              </button>
            }
          >
            A crawler reads the files under an S3 prefix and keeps the catalog’s tables in step with them.
          </EmptyState>
        )}
        {crawlers && crawlers.length > 0 && (
          <CrawlerList
            crawlers={crawlers}
            selected={selected}
            onSelect={(name) => onSelect(name === selected ? undefined : name)}
            onStart={(name) => void state.start(name)}
            onStop={(name) => void state.stop(name)}
          />
        )}
      </Panel>
      {crawler && (
        <CrawlerDetail
          workspaceId={workspaceId}
          crawler={crawler}
          onStart={(name) => void state.start(name)}
          onStop={(name) => void state.stop(name)}
          onClose={() => onSelect(undefined)}
        />
      )}
    </div>
  );
}
