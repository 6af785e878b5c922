import { LakeError } from '@shared/errors';
import type { SavedQuery } from '@shared/queries.schema';
import { findSavedQuery, savedQueries } from '@shared/sql/saved-queries';

/** The saved query with this id, or a NOT_FOUND that lists the ids there are. */
export function requireSavedQuery(id: string): SavedQuery {
  const saved = findSavedQuery(id);
  if (!saved) {
    throw new LakeError(
      'NOT_FOUND',
      `No saved query "${id}".`,
      `Saved queries: ${savedQueries.map((q) => q.id).join(', ')}.`,
    );
  }
  return saved;
}
