import { useCallback, useEffect, useState } from 'react';
import type { LakeErrorShape } from '@shared/errors';
import type { TableSummary } from '@shared/glue.schema';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';

export interface TableQuery {
  workspaceId: string;
  database?: string;
  search?: string;
}

interface PagesState {
  tables: TableSummary[] | undefined;
  nextToken: string | undefined;
  error: LakeErrorShape | undefined;
  isLoading: boolean;
}

const PAGE_SIZE = 100;

/**
 * Glue tables matching a search, a page at a time (`catalog.searchTables`): the first page whenever
 * the query or `version` changes (a crawl ended), further pages appended by `loadMore`.
 */
export function useTablePages(query: TableQuery, version: number) {
  const lake = useLake();
  const key = JSON.stringify(query);
  const [state, setState] = useState<PagesState>({
    tables: undefined,
    nextToken: undefined,
    error: undefined,
    isLoading: true,
  });

  useEffect(() => {
    let isCurrent = true;
    setState((s) => ({ ...s, isLoading: true }));
    const input = JSON.parse(key) as TableQuery;
    lake.call('catalog.searchTables', { ...input, maxResults: PAGE_SIZE }).then(
      (page) =>
        isCurrent &&
        setState({ tables: page.tables, nextToken: page.nextToken, error: undefined, isLoading: false }),
      (error: unknown) =>
        isCurrent && setState((s) => ({ ...s, error: toErrorShape(error), isLoading: false })),
    );
    return () => {
      isCurrent = false;
    };
  }, [lake, key, version]);

  const loadMore = useCallback(() => {
    const token = state.nextToken;
    if (!token) return;
    setState((s) => ({ ...s, isLoading: true }));
    const input = JSON.parse(key) as TableQuery;
    lake.call('catalog.searchTables', { ...input, maxResults: PAGE_SIZE, nextToken: token }).then(
      (page) =>
        setState((s) => ({
          tables: [...(s.tables ?? []), ...page.tables],
          nextToken: page.nextToken,
          error: undefined,
          isLoading: false,
        })),
      (error: unknown) => setState((s) => ({ ...s, error: toErrorShape(error), isLoading: false })),
    );
  }, [lake, key, state.nextToken]);

  return { ...state, loadMore };
}

/** The value, once it has stayed the same for `ms` (typing in a search box). */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
