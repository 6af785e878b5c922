import { useCallback, useEffect, useState } from 'react';
import type { LakeErrorShape } from '@shared/errors';
import type { StorageEntry } from '@shared/storage.schema';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';

export const PAGE_SIZE = 200;

export interface S3Listing {
  prefix: string;
  entries: StorageEntry[];
  /** Set while S3 has more under this prefix than is shown. */
  nextToken: string | undefined;
  isLoading: boolean;
  isLoadingMore: boolean;
  error: LakeErrorShape | undefined;
  reload: () => void;
  loadMore: () => void;
}

/** A bucket's prefix (or the buckets, at ''), a page at a time: "Load more" asks for the next. */
export function useS3Listing(prefix: string): S3Listing {
  const lake = useLake();
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{
    prefix: string;
    entries: StorageEntry[];
    nextToken?: string;
    isLoading: boolean;
    isLoadingMore: boolean;
    error?: LakeErrorShape;
  }>({ prefix, entries: [], isLoading: true, isLoadingMore: false });

  useEffect(() => {
    let isCurrent = true;
    setState((s) => ({
      prefix,
      // Keep the rows while the same prefix reloads, so the view does not flash empty.
      entries: s.prefix === prefix ? s.entries : [],
      nextToken: s.prefix === prefix ? s.nextToken : undefined,
      isLoading: true,
      isLoadingMore: false,
    }));
    lake.call('storage.list', { prefix, pageSize: PAGE_SIZE }).then(
      (page) =>
        isCurrent &&
        setState({
          prefix,
          entries: page.entries,
          ...(page.nextToken ? { nextToken: page.nextToken } : {}),
          isLoading: false,
          isLoadingMore: false,
        }),
      (e: unknown) =>
        isCurrent &&
        setState({ prefix, entries: [], isLoading: false, isLoadingMore: false, error: toErrorShape(e) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [lake, prefix, version]);

  const token = state.nextToken;
  const loadMore = useCallback(() => {
    if (!token) return;
    setState((s) => ({ ...s, isLoadingMore: true }));
    lake.call('storage.list', { prefix, token, pageSize: PAGE_SIZE }).then(
      (page) =>
        setState((s) =>
          s.prefix !== prefix
            ? s
            : {
                prefix,
                entries: [...s.entries, ...page.entries],
                ...(page.nextToken ? { nextToken: page.nextToken } : {}),
                isLoading: false,
                isLoadingMore: false,
              },
        ),
      (e: unknown) => setState((s) => ({ ...s, isLoadingMore: false, error: toErrorShape(e) })),
    );
  }, [lake, prefix, token]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    prefix,
    entries: state.prefix === prefix ? state.entries : [],
    nextToken: state.prefix === prefix ? state.nextToken : undefined,
    isLoading: state.isLoading,
    isLoadingMore: state.isLoadingMore,
    error: state.error,
    reload,
    loadMore,
  };
}
