import type { SavedQuery } from '@shared/queries.schema';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Layout';
import type { CallState } from '../../lib/useCall';

/** The app's saved queries, with what each answers; one is picked to load into the editor. */
export function SavedList({
  saved,
  selectedId,
  onSelect,
  onNew,
}: {
  saved: CallState<SavedQuery[]>;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onNew: () => void;
}) {
  return (
    <aside className="saved-list panel" aria-label="Saved queries" data-testid="saved-list">
      <div className="panel-header">
        <h2 className="panel-title">Saved queries</h2>
        <button
          type="button"
          className="button small"
          onClick={onNew}
          title="Start an empty query"
          data-testid="new-query"
        >
          New
        </button>
      </div>
      {saved.error && <ErrorBanner error={saved.error} compact onRetry={saved.reload} />}
      {!saved.data && !saved.error && <Loading />}
      <ul className="saved-items">
        {saved.data?.map((q) => (
          <li key={q.id}>
            <button
              type="button"
              className={q.id === selectedId ? 'saved-item active' : 'saved-item'}
              aria-current={q.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(q.id)}
              data-testid="saved-query"
              data-id={q.id}
            >
              <span className="saved-item-name">
                <Icon name={q.chart ? 'chart' : 'grid'} size={14} className="muted" />
                {q.name}
              </span>
              <span className="saved-item-desc">{q.description}</span>
              {q.parameters.length > 0 && (
                <span className="saved-item-params">
                  {q.parameters.map((p) => (
                    <code key={p.name}>{p.name}</code>
                  ))}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
