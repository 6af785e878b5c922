import { useCallback, useEffect, useState } from 'react';
import type { ClusterSummary } from '@shared/emr.schema';
import type { LakeErrorShape } from '@shared/errors';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';

export type ClusterFilter = 'active' | 'terminated' | 'all';

interface ListState {
  clusters: ClusterSummary[] | undefined;
  nextToken: string | undefined;
  error: LakeErrorShape | undefined;
  isLoading: boolean;
}

/** EMR clusters, newest first, one page of 50 at a time; `loadMore` appends the next page. */
export function useClusterList(workspaceId: string, filter: ClusterFilter) {
  const lake = useLake();
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<ListState>({
    clusters: undefined,
    nextToken: undefined,
    error: undefined,
    isLoading: true,
  });

  useEffect(() => {
    let isCurrent = true;
    setState((s) => ({ ...s, isLoading: true }));
    lake.call('clusters.listClusters', { workspaceId, filter }).then(
      (page) =>
        isCurrent &&
        setState({ clusters: page.clusters, nextToken: page.nextToken, error: undefined, isLoading: false }),
      (error: unknown) =>
        isCurrent && setState((s) => ({ ...s, error: toErrorShape(error), isLoading: false })),
    );
    return () => {
      isCurrent = false;
    };
  }, [lake, workspaceId, filter, version]);

  const loadMore = useCallback(() => {
    const token = state.nextToken;
    if (!token) return;
    setState((s) => ({ ...s, isLoading: true }));
    lake.call('clusters.listClusters', { workspaceId, filter, nextToken: token }).then(
      (page) =>
        setState((s) => ({
          clusters: [...(s.clusters ?? []), ...page.clusters],
          nextToken: page.nextToken,
          error: undefined,
          isLoading: false,
        })),
      (error: unknown) => setState((s) => ({ ...s, error: toErrorShape(error), isLoading: false })),
    );
  }, [lake, workspaceId, filter, state.nextToken]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, loadMore, reload };
}
