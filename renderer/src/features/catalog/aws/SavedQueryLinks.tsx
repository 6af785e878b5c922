import type { SavedQueryRef } from '@shared/glue.schema';
import { NAV_ITEMS } from '../../../app/nav-items';
import { routeHref } from '../../../app/route';
import { Icon } from '../../../components/Icon';

/** Whether Queries runs in an AWS workspace yet (Athena); until then a saved query is named, not linked. */
const canOpenQueries = (): boolean => NAV_ITEMS.find((i) => i.area === 'queries')?.worksOnAws ?? false;

/** Saved queries with the tables they read: where a changed table shows up in the reports. */
export function SavedQueryLinks({ queries, empty }: { queries: SavedQueryRef[]; empty: string }) {
  if (queries.length === 0) return <p className="muted">{empty}</p>;
  const isLinked = canOpenQueries();
  return (
    <ul className="query-links" data-testid="saved-queries">
      {queries.map((q) => (
        <li key={q.id} data-testid="saved-query" data-query={q.id}>
          <Icon name="queries" size={14} className="muted" />
          {isLinked ? (
            <a href={routeHref('queries', '', { saved: q.id })} className="strong">
              {q.name}
            </a>
          ) : (
            <span className="strong">{q.name}</span>
          )}
          <span className="muted">reads {q.tables.join(', ')}</span>
        </li>
      ))}
    </ul>
  );
}
